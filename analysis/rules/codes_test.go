package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"testing"
)

// TestCodes: the exported code constants are exactly the codes of the
// registered rules, one each.
func TestCodes(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	constants := map[string]string{} // code → constant
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				code, err := strconv.Unquote(vs.Values[i].(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				if prev, dup := constants[code]; dup {
					t.Errorf("%s and %s both name %q", prev, name.Name, code)
				}
				constants[code] = name.Name
			}
		}
	}
	registered := map[string]bool{}
	for _, r := range All() {
		if registered[r.Code] {
			t.Errorf("two rules have the code %q", r.Code)
		}
		registered[r.Code] = true
		if _, ok := constants[r.Code]; !ok {
			t.Errorf("the rule %q has no constant in codes.go", r.Code)
		}
	}
	for _, code := range slices.Sorted(maps.Keys(constants)) {
		if !registered[code] {
			t.Errorf("%s = %q names no registered rule", constants[code], code)
		}
	}
}
