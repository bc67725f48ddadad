package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// listedPackage is what the layering rules read of `go list -json`.
type listedPackage struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

// layeringViolations checks the import rules of the architecture on the
// packages of module (their tests' imports included):
//   - only server/ and cmd/ import go.lsp.dev (the protocol) or zap (logging);
//   - no package outside server/ and cmd/ imports server/;
//   - schemas/ does not import analysis/ (analysis builds on the schemas).
func layeringViolations(module string, pkgs []listedPackage) []string {
	under := func(path, dir string) bool { return path == dir || strings.HasPrefix(path, dir+"/") }
	var out []string
	for _, p := range pkgs {
		if !under(p.ImportPath, module) {
			continue
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		top, _, _ := strings.Cut(rel, "/")
		wiring := top == "server" || top == "cmd"
		check := func(imp, how string) {
			switch {
			case !wiring && under(imp, "go.lsp.dev"):
				out = append(out, p.ImportPath+how+" imports "+imp+": only server/ and cmd/ speak the protocol")
			case !wiring && under(imp, "go.uber.org/zap"):
				out = append(out, p.ImportPath+how+" imports "+imp+": only server/ and cmd/ log")
			case !wiring && under(imp, module+"/server"):
				out = append(out, p.ImportPath+how+" imports "+imp+": features must not depend on the server")
			case top == "schemas" && under(imp, module+"/analysis"):
				out = append(out, p.ImportPath+how+" imports "+imp+": schemas/ sits below analysis/")
			}
		}
		for _, imp := range p.Imports {
			check(imp, "")
		}
		for _, imp := range p.TestImports {
			check(imp, " (test)")
		}
		for _, imp := range p.XTestImports {
			check(imp, " (external test)")
		}
	}
	return out
}

// TestLayering runs the layering rules on the module as `go list` sees it.
func TestLayering(t *testing.T) {
	modOut, err := exec.Command("go", "list", "-m").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	module := strings.TrimSpace(string(modOut))
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for _, v := range layeringViolations(module, pkgs) {
		t.Error(v)
	}
}

// TestLayeringViolationsFound runs the rules on invented import lists: each
// broken rule is reported, and what the rules allow is not.
func TestLayeringViolationsFound(t *testing.T) {
	const mod = "example"
	for _, c := range []struct {
		pkg    listedPackage
		broken int
	}{
		{listedPackage{ImportPath: "example/completion", Imports: []string{"go.lsp.dev/protocol"}}, 1},
		{listedPackage{ImportPath: "example/analysis/rules", Imports: []string{"go.uber.org/zap"}}, 1},
		{listedPackage{ImportPath: "example/hover", TestImports: []string{"go.uber.org/zap/zaptest"}}, 1},
		{listedPackage{ImportPath: "example/preview", XTestImports: []string{"example/server"}}, 1},
		{listedPackage{ImportPath: "example/analysis", Imports: []string{"example/server/sub"}}, 1},
		{listedPackage{ImportPath: "example/schemas", Imports: []string{"example/analysis/refs", "example/analysis"}}, 2},
		{listedPackage{ImportPath: "example/bench/cmd/gen", Imports: []string{"go.lsp.dev/jsonrpc2"}}, 1},
		// Allowed.
		{listedPackage{ImportPath: "example/server", Imports: []string{"go.lsp.dev/protocol", "go.uber.org/zap", "example/analysis"}}, 0},
		{listedPackage{ImportPath: "example/cmd/asyncapi-ls", Imports: []string{"example/server", "go.uber.org/zap"}}, 0},
		{listedPackage{ImportPath: "example/server/sub", Imports: []string{"example/server"}}, 0},
		{listedPackage{ImportPath: "example/analysis", Imports: []string{"example/schemas", "example/serverless", "go.lsp.devious/x"}}, 0},
		{listedPackage{ImportPath: "example/schemas", Imports: []string{"example/analysisx"}}, 0},
		{listedPackage{ImportPath: "other/completion", Imports: []string{"go.lsp.dev/protocol"}}, 0},
	} {
		if got := layeringViolations(mod, []listedPackage{c.pkg}); len(got) != c.broken {
			t.Errorf("%s: %d violations, want %d: %v", c.pkg.ImportPath, len(got), c.broken, got)
		}
	}
}
