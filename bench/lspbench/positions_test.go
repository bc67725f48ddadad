package main

import (
	"strings"
	"testing"

	"asyncapi-ls/bench/gen"
)

func TestScanLinesPaths(t *testing.T) {
	text := "channels:\n  a:\n    address: x\n    description: |\n      typed: here\n    messages:\n      - $ref: '#/components/messages/m'\n"
	lines := scanLines(text)
	if got := strings.Join(lines[2].path, "."); got != "channels.a.address" {
		t.Errorf("line 2 path %q", got)
	}
	if !lines[4].blockBody {
		t.Error("block scalar body not recognised")
	}
	if lines[6].key != "$ref" || strings.Join(lines[6].path, ".") != "channels.a.messages.$ref" {
		t.Errorf("ref line parsed as %+v", lines[6])
	}
}

func TestFindPositionsOnGenerated(t *testing.T) {
	for _, f := range []gen.Format{gen.YAML, gen.JSON} {
		text := string(gen.Generate(gen.Options{Channels: 20, Format: f}))
		p := findPositions(text, 5)
		if len(p.refs) != 5 || len(p.channelKeys) != 5 || len(p.componentKeys) != 5 || p.edit == nil {
			t.Fatalf("format %d: refs %d, channel keys %d, component keys %d, edit %v",
				f, len(p.refs), len(p.channelKeys), len(p.componentKeys), p.edit)
		}
		lines := strings.Split(text, "\n")
		for _, r := range p.refs {
			l := lines[r.Line]
			if !strings.Contains(l, "$ref") || r.Col >= len(l) || r.Col < strings.Index(l, "#/") {
				t.Errorf("ref target %+v not inside the ref value of %q", r, l)
			}
		}
		for _, k := range p.componentKeys {
			if !strings.Contains(lines[k.Line], strings.TrimPrefix(k.What, "components.messages.")) {
				t.Errorf("component target %+v not on its key", k)
			}
		}
	}
}

func TestUTF16Col(t *testing.T) {
	s := "a😀b"
	if got := utf16Col(s, len("a😀")); got != 3 {
		t.Errorf("got %d, want 3", got)
	}
}
