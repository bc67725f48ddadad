package server_test

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"asyncapi-ls/analysis/source"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestWorkspaceMarkers runs every multi-file archive of
// testdata/references. Markers, in any file of an archive:
//
//	#@def("at", "target text")          definition lands on "target text" in this file
//	#@def("at", "target text", "file")  ... in that file of the archive
//	#@nodef("at")                       no definition
//	#@decl(group, "text") #@site(group, "text")
//	                                    the declaration / a reference of group on this line
//	#@refs(group, "at")                 references (with declaration) are exactly group's spans
//	#@highlight(group, "at")            highlights are group's spans in this file, the declaration as write
//	#@diag(...)                         the reference engine's diagnostics, as in testdata/diagnostics;
//	                                    in an open file that is not AsyncAPI, what the documents that
//	                                    bring it in through a "$ref" found in it
//	#@rename("at", "NewName")           rename round trip: every reference is edited and afterwards
//	                                    every file is free of diagnostics (every reference resolves)
//	#@norename("at", "reason")          prepareRename refuses with a message containing reason
//	#@noprepare("at")                   prepareRename answers null: nothing to rename
//	#@complete…(...), #@hover(...), #@nohover(...)
//	                                    as in testdata/completion and testdata/hover
func TestWorkspaceMarkers(t *testing.T) {
	archives, _ := filepath.Glob("testdata/references/*.txtar")
	more, _ := filepath.Glob("testdata/workspace/*.txtar")
	archives = append(archives, more...)
	if len(archives) == 0 {
		t.Fatal("no archives")
	}
	for _, a := range archives {
		t.Run(filepath.Base(a), func(t *testing.T) {
			fx := loadWorkspaceFixture(t, a)
			s := fx.start()
			groups := fx.groups()
			checked := 0
			for _, name := range fx.names {
				f := fx.files[name]
				switch {
				case fx.typing: // half-typed documents: their diagnostics are not the point
				case f.open && isAsyncAPIText(f.text):
					checkDiagnosticMarkers(t, f.text, f.markers, engineOnly(s.settledDiagnostics(f.uri, f.version)))
				case f.open:
					// What documents that bring this one in found in it.
					checkDiagnosticMarkers(t, f.text, f.markers, s.settledDiagnostics(f.uri, f.version))
				}
				for _, mk := range f.markers {
					checked++
					switch mk.name {
					case "def", "nodef":
						fx.checkDefinition(f, mk)
					case "refs":
						fx.checkReferences(f, mk, groups)
					case "highlight":
						fx.checkHighlight(f, mk, groups)
					case "norename", "noprepare":
						fx.checkNoRename(f, mk)
					case "rename":
						defer fx.checkRename(t, a, name, mk)
					case "complete", "completeEdit", "completeFirst", "completeNone", "completeIncomplete", "completeComplete":
						s.checkCompletionMarker(f.mapper, f.uri, f.mapper.LineStart(mk.line)+mk.col, mk)
					case "hover", "nohover":
						s.checkHoverMarker(f.uri, f.position(t, mk.line, mk.args[0]), mk)
					}
				}
			}
			if checked == 0 {
				t.Fatal("no markers")
			}
		})
	}
}

func isAsyncAPIText(text string) bool {
	return strings.HasPrefix(text, "asyncapi:") || strings.Contains(text, "\"asyncapi\":") || strings.Contains(text, "\nasyncapi:")
}

// groups collects the spans of every decl/site group.
func (fx *wsFixture) groups() map[string][]string {
	out := map[string][]string{}
	for _, name := range fx.names {
		f := fx.files[name]
		for _, mk := range f.markers {
			if mk.name == "decl" || mk.name == "site" {
				prefix := ""
				if mk.name == "decl" {
					prefix = "decl "
				}
				out[mk.args[0]] = append(out[mk.args[0]], prefix+f.markedSpan(mk))
			}
		}
	}
	return out
}

func (fx *wsFixture) checkDefinition(f *wsFile, mk marker) {
	t := fx.t
	t.Helper()
	res, err := fx.session.server.Definition(context.Background(), &protocol.DefinitionParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: f.uri},
			Position: f.position(t, mk.line, mk.args[0])}})
	if err != nil {
		t.Errorf("%s:%d: %v", f.name, mk.line+1, err)
		return
	}
	loc, _ := res.(*protocol.Location)
	if mk.name == "nodef" {
		if loc != nil {
			t.Errorf("%s:%d: want no definition, got %s", f.name, mk.line+1, fx.span(*loc))
		}
		return
	}
	if loc == nil {
		t.Errorf("%s:%d: no definition for %q", f.name, mk.line+1, mk.args[0])
		return
	}
	wantFile := f.name
	if len(mk.args) > 2 {
		wantFile = mk.args[2]
	}
	target := fx.byURI(loc.URI)
	if target == nil || target.name != wantFile || rangeText(target.mapper, loc.Range) != mk.args[1] {
		t.Errorf("%s:%d: definition of %q at %s, want %q in %s", f.name, mk.line+1, mk.args[0], fx.span(*loc), mk.args[1], wantFile)
	}
}

func (fx *wsFixture) checkReferences(f *wsFile, mk marker, groups map[string][]string) {
	t := fx.t
	t.Helper()
	locs := fx.session.references(f.uri, f.position(t, mk.line, mk.args[1]), true)
	var got []string
	for _, l := range locs {
		got = append(got, fx.span(l))
	}
	var want []string
	for _, w := range groups[mk.args[0]] {
		want = append(want, strings.TrimPrefix(w, "decl "))
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("%s:%d: references of %s:\n got  %q\n want %q", f.name, mk.line+1, mk.args[0], got, want)
	}
}

func (fx *wsFixture) checkHighlight(f *wsFile, mk marker, groups map[string][]string) {
	t := fx.t
	t.Helper()
	res, err := fx.session.server.DocumentHighlight(context.Background(), &protocol.DocumentHighlightParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: f.uri},
			Position: f.position(t, mk.line, mk.args[1])}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res {
		prefix := ""
		if h.Kind == protocol.DocumentHighlightKindWrite {
			prefix = "decl "
		}
		got = append(got, prefix+fx.span(protocol.Location{URI: f.uri, Range: h.Range}))
	}
	var want []string
	for _, w := range groups[mk.args[0]] {
		if strings.HasPrefix(strings.TrimPrefix(w, "decl "), f.name+":") {
			want = append(want, w)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("%s:%d: highlights of %s:\n got  %q\n want %q", f.name, mk.line+1, mk.args[0], got, want)
	}
}

func (fx *wsFixture) checkNoRename(f *wsFile, mk marker) {
	t := fx.t
	t.Helper()
	res, err := fx.session.server.PrepareRename(context.Background(), &protocol.PrepareRenameParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: f.uri},
			Position: f.position(t, mk.line, mk.args[0])}})
	if mk.name == "noprepare" {
		if err != nil || res != nil {
			t.Errorf("%s:%d: want a null answer, got %v %v", f.name, mk.line+1, res, err)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), mk.args[1]) {
		t.Errorf("%s:%d: prepareRename on %q: want a refusal containing %q, got %v %v", f.name, mk.line+1, mk.args[0], mk.args[1], res, err)
	}
}

// checkRename runs a rename in a fresh session, applies the edit to every
// file, sends the new texts and requires: one edit per reference (and the
// declaration), and no diagnostic anywhere afterwards — so every rewritten
// reference resolves.
func (fx *wsFixture) checkRename(t *testing.T, archive, name string, mk marker) {
	t.Run("rename "+mk.args[0]+" to "+mk.args[1], func(t *testing.T) {
		fx := loadWorkspaceFixture(t, archive)
		s := fx.start()
		before := map[string]map[string]int{}
		for _, n := range fx.names {
			if f := fx.files[n]; f.open && isAsyncAPIText(f.text) {
				d := s.settledDiagnostics(f.uri, 1)
				if errs := errorsOnly(d); len(errs) != 0 {
					t.Fatalf("%s has errors before the rename: %s", n, describe(f.mapper, errs))
				}
				before[n] = codeCounts(d)
			}
		}
		f := fx.file(name)
		pos := f.position(t, mk.line, mk.args[0])
		prep, err := s.server.PrepareRename(context.Background(), &protocol.PrepareRenameParams{
			TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: f.uri}, Position: pos}})
		if err != nil || prep == nil {
			t.Fatalf("prepareRename: %v %v", prep, err)
		}
		refs := s.references(f.uri, pos, true)
		edit, err := s.server.Rename(context.Background(), &protocol.RenameParams{
			TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: f.uri}, Position: pos},
			NewName:                    mk.args[1]})
		if err != nil || edit == nil {
			t.Fatalf("rename: %v", err)
		}
		edits := 0
		for u, list := range edit.Changes {
			target := fx.byURI(u)
			if target == nil {
				t.Fatalf("edit of a file outside the fixture: %s", u)
			}
			edits += len(list)
			target.text = applyEdits(t, target.mapper, list)
			target.mapper = source.NewMapper([]byte(target.text))
			target.version++
			writeFixtureFile(t, fx, target)
			if target.open {
				s.change(target.uri, target.version, &protocol.TextDocumentContentChangeWholeDocument{Text: target.text})
			}
		}
		if edits != len(refs) {
			t.Errorf("%d edits for %d references and declaration", edits, len(refs))
		}
		if !strings.Contains(fx.file(name).text, mk.args[1]) && len(edit.Changes[f.uri]) > 0 {
			t.Errorf("the new name is missing from %s", name)
		}
		for _, n := range fx.names {
			if g := fx.files[n]; g.open && isAsyncAPIText(g.text) {
				d := s.settledDiagnostics(g.uri, g.version)
				if !maps.Equal(codeCounts(d), before[n]) {
					t.Errorf("%s: new diagnostics after the rename:\n%s\n%s", n, describe(g.mapper, d), g.text)
				}
			}
		}
	})
}

// errorsOnly keeps errors: the fixtures are about references, and the
// style rules' warnings and hints are not their business.
func errorsOnly(diags []protocol.Diagnostic) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range diags {
		if d.Severity == protocol.DiagnosticSeverityError {
			out = append(out, d)
		}
	}
	return out
}

// engineOnly keeps the reference engine's own diagnostics.
func engineOnly(diags []protocol.Diagnostic) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range diags {
		switch codeOf(d) {
		case "unresolved-ref", "ref-wrong-kind", "circular-ref", "ref-content-invalid", "payload-schemaformat-missing":
			out = append(out, d)
		}
	}
	return out
}

// codeCounts counts diagnostics per code.
func codeCounts(diags []protocol.Diagnostic) map[string]int {
	out := map[string]int{}
	for _, d := range diags {
		out[codeOf(d)]++
	}
	return out
}

func applyEdits(t *testing.T, m *source.Mapper, edits []protocol.TextEdit) string {
	t.Helper()
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		s, err1 := m.Offset(source.Position{Line: int(e.Range.Start.Line), Character: int(e.Range.Start.Character)}, source.UTF16)
		en, err2 := m.Offset(source.Position{Line: int(e.Range.End.Line), Character: int(e.Range.End.Character)}, source.UTF16)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad edit range %v", e.Range)
		}
		spans = append(spans, span{s, en, e.NewText})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	text := string(m.Text())
	for i, sp := range spans {
		if i > 0 && sp.end > spans[i-1].start {
			t.Fatalf("overlapping edits")
		}
		text = text[:sp.start] + sp.text + text[sp.end:]
	}
	return text
}

func writeFixtureFile(t *testing.T, fx *wsFixture, f *wsFile) {
	t.Helper()
	if err := osWriteFile(filepath.Join(fx.dir, filepath.FromSlash(f.name)), f.text); err != nil {
		t.Fatal(err)
	}
}

var _ = uri.URI("")
