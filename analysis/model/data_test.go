package model_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// TestResolvedData: references are replaced across files, recursion stays
// a normalised reference, a broken one stays as written, merge keys apply.
func TestResolvedData(t *testing.T) {
	files := map[string]string{
		"file:///api/doc.yaml": `
base: &base {kept: base, over: base}
payload:
  type: object
  properties:
    user: {$ref: './other.yaml#/User'}
    broken: {$ref: '#/nope'}
    merged:
      <<: *base
      over: own
`,
		"file:///api/other.yaml": `
User:
  type: object
  properties:
    friend: {$ref: '#/User'}
`,
	}
	// A loader that parses on every call: recursion must be found by place,
	// not by tree node.
	load := func(uri string) (*syntax.Node, error) {
		text, ok := files[uri]
		if !ok {
			return nil, errors.New("no such file")
		}
		return syntax.Parse([]byte(text), syntax.YAML).Root, nil
	}
	root, _ := load("file:///api/doc.yaml")
	got, err := model.ResolvedData(load, model.Location{URI: "file:///api/doc.yaml"}, root.Get("payload"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"properties":{"broken":{"$ref":"#/nope"},"merged":{"kept":"base","over":"own"},` +
		`"user":{"properties":{"friend":{"$ref":"file:///api/other.yaml#/User"}},"type":"object"}},"type":"object"}`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// TestResolvedDataBudget: references that multiply (each schema naming the
// next four times) stop at the budget with an error, not a hang.
func TestResolvedDataBudget(t *testing.T) {
	// A chain s0 → s1 → … → s12, each naming the next four times: 4^12 values.
	text := ""
	for i := 0; i < 12; i++ {
		next := "'#/s" + strconv.Itoa(i+1) + "'"
		text += "s" + strconv.Itoa(i) + ": {a: {$ref: " + next + "}, b: {$ref: " + next + "}, c: {$ref: " + next + "}, d: {$ref: " + next + "}}\n"
	}
	text += "s12: {type: string}\n"
	root := syntax.Parse([]byte(text), syntax.YAML).Root
	load := func(string) (*syntax.Node, error) { return root, nil }
	at := model.Location{URI: "file:///a.yaml"}
	if _, err := model.ResolvedDataWithin(load, at, root.Get("s0"), 10_000); !errors.Is(err, syntax.ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
	if v, err := model.ResolvedDataWithin(load, at, root.Get("s10"), 10_000); err != nil || v == nil {
		t.Errorf("a small expansion within the budget: %v", err)
	}
}

// TestResolvedDataPathThatGrows: a relative "$ref" that leads back to its
// own file by a longer path at every step (a loader that gives the same
// tree for every address, as a folder linked into itself would) is a cycle,
// not an expansion that runs until the budget is spent.
func TestResolvedDataPathThatGrows(t *testing.T) {
	root := syntax.Parse([]byte("a:\n  $ref: 'l/doc.yaml#/b'\nb:\n  c:\n    $ref: 'l/doc.yaml#/a'\n"), syntax.YAML).Root
	load := func(string) (*syntax.Node, error) { return root, nil }
	got, err := model.ResolvedData(load, model.Location{URI: "file:///api/doc.yaml"}, root)
	if err != nil {
		t.Fatal(err)
	}
	// "a" leads to "b" (one step longer), whose reference leads through "a"
	// to "b" again (three steps): the cycle closes there. "b" itself is
	// written in place, so it is open only from its first reference on.
	want := `{"a":{"c":{"$ref":"file:///api/l/l/l/doc.yaml#/b"}},"b":{"c":{"c":{"$ref":"file:///api/l/l/l/l/doc.yaml#/b"}}}}`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
