package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// listedPackage is what the layering rules read of `go list -json`.
type listedPackage struct {
	ImportPath   string
	Dir          string
	GoFiles      []string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

// features are the packages that answer about documents. They reach a file
// other than the one asked about only through the request's
// workspace.Snapshot: never the file system, the network or the live
// workspace.
var features = []string{"completion", "hover", "preview", "convert", "analysis/navigate", "analysis/rules",
	"analysis/fix", "analysis/model"}

// pageServers are the feature packages that serve pages over HTTP (on
// 127.0.0.1): they import net/http to serve, and read documents through the
// snapshot like the others.
var pageServers = []string{"preview/live"}

// fileAccess are the imports that read files or the network.
var fileAccess = []string{"os", "io/fs", "io/ioutil", "net/http"}

// layeringViolations checks the import rules of the architecture on the
// packages of module (their tests' imports included):
//   - only server/ and cmd/ import go.lsp.dev (the protocol) or zap (logging);
//   - no package outside server/ and cmd/ imports server/;
//   - schemas/ does not import analysis/ (analysis builds on the schemas);
//   - the features import nothing that reads files (see features).
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
		feature := slices.ContainsFunc(features, func(f string) bool { return under(rel, f) }) && !slices.Contains(pageServers, rel)
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
			case feature && how == "" && slices.Contains(fileAccess, imp):
				out = append(out, p.ImportPath+" imports "+imp+": features read other files through the request's snapshot")
			}
		}
		for _, imp := range p.Imports {
			check(imp, "")
		}
		if feature {
			out = append(out, liveWorkspaceUses(module, p)...)
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

// liveWorkspaceUses reports every use of workspace.Workspace in the source
// of p: a feature is handed a Snapshot, never the live workspace.
func liveWorkspaceUses(module string, p listedPackage) []string {
	var out []string
	fset := token.NewFileSet()
	for _, name := range p.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			out = append(out, p.ImportPath+": "+err.Error())
			continue
		}
		local := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == module+"/analysis/workspace" {
				local = "workspace"
				if imp.Name != nil {
					local = imp.Name.Name
				}
			}
		}
		if local == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Workspace" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == local {
					out = append(out, fset.Position(sel.Pos()).String()+": a feature uses workspace.Workspace; take a *workspace.Snapshot")
				}
			}
			return true
		})
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
		{listedPackage{ImportPath: "example/completion", Imports: []string{"os", "io/fs"}}, 2},
		{listedPackage{ImportPath: "example/analysis/rules", Imports: []string{"net/http"}}, 1},
		{listedPackage{ImportPath: "example/hover", Dir: liveWorkspaceDir(t), GoFiles: []string{"live.go", "snapshot.go"}}, 1},
		// Allowed.
		{listedPackage{ImportPath: "example/server", Imports: []string{"go.lsp.dev/protocol", "go.uber.org/zap", "example/analysis"}}, 0},
		{listedPackage{ImportPath: "example/cmd/asyncapi-ls", Imports: []string{"example/server", "go.uber.org/zap"}}, 0},
		{listedPackage{ImportPath: "example/server/sub", Imports: []string{"example/server"}}, 0},
		{listedPackage{ImportPath: "example/analysis", Imports: []string{"example/schemas", "example/serverless", "go.lsp.devious/x"}}, 0},
		{listedPackage{ImportPath: "example/schemas", Imports: []string{"example/analysisx"}}, 0},
		{listedPackage{ImportPath: "example/analysis/workspace", Imports: []string{"os", "net/http"}}, 0},
		{listedPackage{ImportPath: "example/completion", TestImports: []string{"os"}}, 0},
		{listedPackage{ImportPath: "example/hover", Dir: liveWorkspaceDir(t), GoFiles: []string{"snapshot.go"}}, 0},
		{listedPackage{ImportPath: "other/completion", Imports: []string{"go.lsp.dev/protocol"}}, 0},
	} {
		if got := layeringViolations(mod, []listedPackage{c.pkg}); len(got) != c.broken {
			t.Errorf("%s: %d violations, want %d: %v", c.pkg.ImportPath, len(got), c.broken, got)
		}
	}
}

// liveWorkspaceDir holds a feature file that takes the live workspace
// (under another import name) and one that takes a snapshot.
func liveWorkspaceDir(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"live.go":     "package hover\n\nimport ws \"example/analysis/workspace\"\n\nfunc f(w *ws.Workspace) {}\n",
		"snapshot.go": "package hover\n\nimport \"example/analysis/workspace\"\n\nfunc g(s *workspace.Snapshot) {}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
