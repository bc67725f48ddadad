package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const convert2x = `asyncapi: 2.6.0 # version line
info:
  title: Orders
  version: 1.0.0
servers:
  production:
    url: mqtt://broker.example.com/base
    protocol: mqtt
channels:
  orders/{id}:
    parameters:
      id:
        schema:
          type: string
    # what others publish
    publish:
      operationId: takeOrder
      message:
        payload:
          type: object
`

func TestConvertToStdout(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "orders.yaml")
	writeFile(t, doc, convert2x)
	out, errOut, code := runBinary(t, "convert", doc)
	if code != 0 {
		t.Fatalf("code %d\n%s", code, errOut)
	}
	for _, want := range []string{"asyncapi: 3.0.0 # version line\n", "    host: broker.example.com\n    pathname: /base\n", "  # what others publish\n  takeOrder:\n    action: receive\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	// The dropped schema keyword is a note, at its place in the input.
	if !strings.Contains(errOut, "orders.yaml:13:9: note: /channels/orders~1{id}/parameters/id/schema: has keywords a 3.0 parameter cannot hold: type") {
		t.Errorf("stderr lacks the note:\n%s", errOut)
	}
	if got, _ := os.ReadFile(doc); string(got) != convert2x {
		t.Error("converting to stdout changed the file")
	}
}

func TestConvertOptionsAndOutputs(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "orders.yaml")
	writeFile(t, doc, convert2x)
	out := filepath.Join(dir, "out.yaml")
	// Flags may follow the file.
	if _, errOut, code := runBinary(t, "convert", doc, "-o", out, "--to", "3.1.0", "--perspective", "client"); code != 0 {
		t.Fatalf("code %d\n%s", code, errOut)
	}
	got, _ := os.ReadFile(out)
	if !strings.Contains(string(got), "asyncapi: 3.1.0") || !strings.Contains(string(got), "action: send") {
		t.Errorf("-o with --to 3.1.0 --perspective client:\n%s", got)
	}

	// -w rewrites the file in place and keeps its mode; a second run has
	// nothing to do and leaves it alone.
	if err := os.Chmod(doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runBinary(t, "-w", "convert", doc); code != 2 {
		t.Errorf("flags before the command: code %d, %s", code, errOut)
	}
	if _, errOut, code := runBinary(t, "convert", "-w", doc); code != 0 {
		t.Fatalf("-w: code %d\n%s", code, errOut)
	}
	converted, _ := os.ReadFile(doc)
	if !strings.HasPrefix(string(converted), "asyncapi: 3.0.0") {
		t.Fatalf("-w did not convert the file:\n%s", converted)
	}
	if info, _ := os.Stat(doc); info.Mode().Perm() != 0o600 {
		t.Errorf("-w changed the mode to %v", info.Mode().Perm())
	}
	_, errOut, code := runBinary(t, "convert", "-w", doc)
	if again, _ := os.ReadFile(doc); code != 0 || string(again) != string(converted) || !strings.Contains(errOut, "already AsyncAPI 3.0.0") {
		t.Errorf("second -w: code %d, stderr %q, changed %v", code, errOut, string(again) != string(converted))
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("-w left %s behind", e.Name())
		}
	}
}

func TestConvertJSONStaysJSON(t *testing.T) {
	out, errOut, code := runBinary(t, "convert", "../../examples/legacy-2.6.json")
	if code != 0 {
		t.Fatalf("code %d\n%s", code, errOut)
	}
	var data map[string]any
	if err := json.Unmarshal([]byte(out), &data); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if data["asyncapi"] != "3.0.0" || data["operations"] == nil {
		t.Errorf("not converted: %v", data["asyncapi"])
	}
}

// A reference into another file whose object must change is named on
// stderr; the errors left in the result make the exit status 1.
func TestConvertTellsWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "messages.yaml"), "Order:\n  messageId: order\n  payload:\n    type: object\n")
	doc := filepath.Join(dir, "api.yaml")
	writeFile(t, doc, `asyncapi: 2.6.0
info:
  title: T
  version: 1.0.0
channels:
  orders:
    servers: [missing]
    subscribe:
      message:
        $ref: './messages.yaml#/Order'
`)
	out := filepath.Join(dir, "out.yaml")
	_, errOut, code := runBinary(t, "convert", "-o", out, doc)
	if code != 1 {
		t.Fatalf("code %d, want 1\n%s", code, errOut)
	}
	for _, want := range []string{
		"api.yaml:10:15: note: /channels/orders/subscribe/message: leads to ./messages.yaml, which the conversion does not rewrite; for 3.0 it must change there: messageId goes",
		"out.yaml:", ": error:", "the converted document has",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the result is written even with errors left: %v", err)
	}
}

func TestConvertRefuses(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		path := filepath.Join(dir, name)
		writeFile(t, path, text)
		return path
	}
	doc := file("orders.yaml", convert2x)
	v1 := file("v1.yaml", "asyncapi: 1.2.0\ninfo: {title: T, version: '1'}\ntopics: {}\n")
	v31 := file("v31.yaml", "asyncapi: 3.1.0\ninfo: {title: T, version: '1'}\n")
	broken := file("broken.yaml", "asyncapi: 2.6.0\ninfo:\n  title: [unclosed\n")
	plain := file("plain.yaml", "name: not an AsyncAPI document\n")
	// The YAML library reads keys of one mapping in two columns (after a
	// tag on a line of its own); the conversion refuses, saying where.
	misaligned := file("misaligned.yaml", "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels:\n  orders:\n    subscribe:\n      message:\n!       payload:\n       name: x\n")
	tagged := file("tagged.yaml", "asyncapi: 2.6.0\ninfo: !custom\n  title: T\n  version: '1'\nchannels: {}\n")
	emptyKey := file("emptykey.yaml", "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels:\n  &k : {}\n")
	selfAlias := file("selfalias.yaml", "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels:\n  a:\n    publish: &op\n      message:\n        x-again: *op\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", tagged}, "tagged.yaml: 2:7: a value is written with a YAML tag"},
		{[]string{"convert", emptyKey}, "emptykey.yaml: 4:3: a key has no text"},
		{[]string{"convert", selfAlias}, "selfalias.yaml: 7:18: an alias inside the value of its own anchor"},
		{[]string{"convert"}, "give one FILE"},
		{[]string{"convert", doc, doc}, "give one FILE"},
		{[]string{"convert", "-o", "x", "-w", doc}, "exclude each other"},
		{[]string{"convert", "--to", "2.6.0", doc}, `cannot convert to "2.6.0"`},
		{[]string{"convert", "--perspective", "server", doc}, `unknown perspective "server"`},
		{[]string{"convert", v1}, `cannot convert from version "1.2.0"`},
		{[]string{"convert", "--to", "3.0.0", v31}, "cannot convert from 3.1.0 down to 3.0.0"},
		{[]string{"convert", broken}, "broken.yaml: the document does not parse: 3:"},
		{[]string{"convert", plain}, "not an AsyncAPI document"},
		{[]string{"convert", misaligned}, "misaligned.yaml: 7:9: a key is indented unlike the keys before it"},
		{[]string{"convert", filepath.Join(dir, "missing.yaml")}, "no such file"},
		{[]string{"convert", dir}, "not a regular file"},
	} {
		out, errOut, code := runBinary(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}
