package gen

import (
	"bytes"
	"fmt"
	"testing"
)

func TestDeterministic(t *testing.T) {
	for _, v := range Versions {
		for _, f := range []Format{YAML, JSON} {
			opts := Options{Version: v, Channels: 40, Format: f}
			a, b := Generate(opts), Generate(opts)
			if !bytes.Equal(a, b) {
				t.Errorf("%s format %d: two runs differ", v, f)
			}
		}
	}
}

func TestSeedChangesContent(t *testing.T) {
	a := Generate(Options{Channels: 10, Seed: 1})
	b := Generate(Options{Channels: 10, Seed: 2})
	if bytes.Equal(a, b) {
		t.Error("different seeds gave the same document")
	}
}

func TestValidAgainstOfficialSchema(t *testing.T) {
	for _, v := range Versions {
		for _, n := range []int{10, 100} {
			for _, f := range []Format{YAML, JSON} {
				t.Run(fmt.Sprintf("%s/%d/%d", v, n, f), func(t *testing.T) {
					t.Parallel()
					doc := validate(t, v, Generate(Options{Version: v, Channels: n, Format: f}))
					checkLocalRefs(t, doc)
				})
			}
		}
	}
}

func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000-channel document skipped in -short mode")
	}
	data := Generate(Options{Version: "3.0.0", Channels: 1000})
	lines := bytes.Count(data, []byte("\n"))
	if lines < 150_000 || lines > 200_000 {
		t.Errorf("1,000-channel 3.0 document has %d lines, want about 170,000", lines)
	}
	doc := validate(t, "3.0.0", data)
	checkLocalRefs(t, doc)
}

func TestChannelCount(t *testing.T) {
	doc := decode(t, Generate(Options{Version: "3.1.0", Channels: 37})).(map[string]any)
	if got := len(doc["channels"].(map[string]any)); got != 37 {
		t.Errorf("got %d channels, want 37", got)
	}
	doc = decode(t, Generate(Options{Version: "2.6.0", Channels: 37})).(map[string]any)
	if got := len(doc["channels"].(map[string]any)); got != 37 {
		t.Errorf("2.6: got %d channels, want 37", got)
	}
}

func TestCheckRejectsUnknownVersion(t *testing.T) {
	if Check(Options{Version: "4.0.0"}) == nil {
		t.Error("Check accepted 4.0.0")
	}
}
