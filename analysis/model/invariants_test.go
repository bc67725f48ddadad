package model_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// checkInvariants checks what every element promises: its location leads
// to its value, its key node spells its key, its reference is the "$ref"
// written where the reference says, a problem-free element has a value, and
// every span lies inside its file.
func checkInvariants(t *testing.T, m *model.Model, snap *workspace.Snapshot) {
	t.Helper()
	size := func(uri string) int {
		d, err := snap.Load(uri)
		if err != nil {
			return -1
		}
		return len(d.Text)
	}
	if errs := invariants(m, snap.Root, size); len(errs) > 0 {
		t.Errorf("%d or more broken invariants:\n%s", len(errs), strings.Join(errs, "\n"))
	}
}

// invariants returns the first broken invariants; load reads the files of
// the model, size gives their length in bytes.
func invariants(m *model.Model, load refs.Loader, size func(uri string) int) []string {
	var errs []string
	fail := func(e model.Element, format string, args ...any) {
		if len(errs) < 10 {
			c := e.Common()
			errs = append(errs, fmt.Sprintf("%s %q at %s: %s", e.Kind(), c.Key, c.Loc, fmt.Sprintf(format, args...)))
		}
	}
	asyncapi := m.Version.IsSet() // not a fragment: its pointers start at an AsyncAPI root
	// A reference to an object of another kind (an operation's "$ref" to a
	// reply) has the model read what it reaches as the kind it expected,
	// and report it (KindError): what it reaches is then read at places
	// that refs.Classify rightly names otherwise.
	wrongKind := false
	m.Walk(func(e model.Element) bool {
		var ke *model.KindError
		wrongKind = wrongKind || errors.As(e.Common().Problem, &ke)
		return !wrongKind
	})
	inFile := func(uri string, n *syntax.Node) bool {
		return n.Start >= 0 && n.Start <= n.End && n.End <= size(uri)
	}
	m.Walk(func(e model.Element) bool {
		c := e.Common()
		if c.Problem == nil && c.Value == nil {
			fail(e, "no value and no problem")
		}
		if c.Value != nil {
			target, err := refs.Lookup(load, c.Loc.Key())
			if err != nil || target.Value.Resolve() != c.Value {
				fail(e, "the location does not lead to the value (%v)", err)
			}
			if !inFile(c.Loc.URI, c.Value) {
				fail(e, "value span [%d,%d) outside its file", c.Value.Start, c.Value.End)
			}
		}
		if want := e.Kind(); asyncapi && !wrongKind && c.Ref == nil && c.Value != nil && c.Loc.URI == m.URI && refKinds[want] && c.Problem == nil {
			// refs.Classify, which the reference checks read, names
			// every place the document writes an object of a kind a
			// reference may name with the kind the model reads there.
			if got := refs.Classify(c.Loc.Pointer); got != want {
				fail(e, "refs.Classify names its place %q", got)
			}
		}
		if r := c.Ref; asyncapi && !wrongKind && r != nil && r.At.URI == m.URI && refKinds[e.Kind()] {
			// ... and every place the model follows a reference from,
			// expecting the element's kind.
			if got := refs.Classify(r.At.Pointer); got != e.Kind() {
				fail(e, "refs.Classify expects %q at the reference %s", got, r.At)
			}
		}
		// The model names an element by its key as written (Node.Value):
		// String would say "" for a key written "~" or "null".
		if c.KeyNode != nil && c.KeyNode.Value != c.Key {
			fail(e, "key node says %q", c.KeyNode.Value)
		}
		if r := c.Ref; r != nil {
			holder, err := refs.Lookup(load, r.At.Key())
			if err != nil || refs.RefNode(holder.Value) != r.Node {
				fail(e, "the reference is not the $ref written at %s (%v)", r.At, err)
			}
			if !inFile(r.At.URI, r.Node) {
				fail(e, "$ref span outside its file")
			}
			if r.Err == nil && (c.Value == nil || !leadsTo(load, r.Target, c)) {
				fail(e, "a resolved reference that does not lead to the element (%s)", r.Target)
			}
			if r.Err != nil && c.Problem == nil {
				fail(e, "a broken reference without a problem")
			}
		}
		return true
	})
	return errs
}

// refKinds are the kinds a "$ref" can name (refs.Kind), as opposed to
// those only the model names.
var refKinds = map[model.Kind]bool{
	refs.Schema: true, refs.Message: true, refs.Channel: true, refs.Operation: true, refs.Server: true,
	refs.Parameter: true, refs.ServerVariable: true, refs.SecurityScheme: true, refs.MessageTrait: true,
	refs.OperationTrait: true, refs.CorrelationID: true, refs.Reply: true, refs.ReplyAddress: true,
	refs.Tag: true, refs.ExternalDocs: true,
}

// checkCounts compares the model with a plain walk of the tree: as many
// servers, channels, operations and components of each kind as the
// document writes, and, in 3.x, as many messages per channel and operation.
func checkCounts(t *testing.T, m *model.Model, root *syntax.Node, snap *workspace.Snapshot) {
	t.Helper()
	count := func(n *syntax.Node) int {
		keys := map[string]bool{}
		for _, p := range n.PairsOrNil() {
			if p.Key.Tag() != "!!merge" {
				keys[p.Key.Value] = true
			}
		}
		return len(keys)
	}
	want := func(what string, got, want int) {
		if got != want {
			t.Errorf("%s: the model has %d, the document %d", what, got, want)
		}
	}
	want("servers", len(m.Servers), count(root.Get("servers")))
	want("channels", len(m.Channels), count(root.Get("channels")))
	ops := 0
	if m.IsV3() {
		ops = count(root.Get("operations"))
	} else {
		for _, p := range root.Get("channels").PairsOrNil() {
			ch := p.Value
			if r := refs.RefNode(ch); r != nil {
				key, err := refs.Resolve(m.URI, r.Value)
				if err != nil {
					continue
				}
				target, err := refs.Lookup(snap.Root, key)
				if err != nil {
					continue
				}
				ch = target.Value
			}
			for _, verb := range []string{"publish", "subscribe"} {
				if ch.Entry(verb) != nil {
					ops++
				}
			}
		}
	}
	want("operations", len(m.Operations), ops)
	comp := root.Get("components")
	if m.Components == nil {
		if comp != nil {
			t.Errorf("components not read")
		}
		return
	}
	c := m.Components
	for section, got := range map[string]int{
		"schemas": len(c.Schemas), "servers": len(c.Servers), "serverVariables": len(c.ServerVariables),
		"channels": len(c.Channels), "messages": len(c.Messages),
		"securitySchemes": len(c.SecuritySchemes), "parameters": len(c.Parameters), "correlationIds": len(c.CorrelationIDs),
		"replies": len(c.Replies), "replyAddresses": len(c.ReplyAddresses), "tags": len(c.Tags), "externalDocs": len(c.ExternalDocs),
		"operationTraits": len(c.OperationTraits), "messageTraits": len(c.MessageTraits),
		"serverBindings": len(c.ServerBindings), "channelBindings": len(c.ChannelBindings),
		"operationBindings": len(c.OperationBindings), "messageBindings": len(c.MessageBindings),
	} {
		want("components."+section, got, count(comp.Get(section)))
	}
	if m.IsV3() {
		want("components.operations", len(c.Operations), count(comp.Get("operations")))
		for _, ch := range m.Channels {
			if ch.Ref == nil && ch.Value != nil {
				want("messages of channel "+ch.Key, len(ch.Messages), count(ch.Value.Get("messages")))
			}
		}
		for _, op := range m.Operations {
			if list := op.Value.Get("messages").Resolve(); op.Ref == nil && list != nil && list.Kind == syntax.Sequence {
				want("messages of operation "+op.Key, len(op.Messages), len(list.Items))
			}
		}
	}
}

// checkReferences compares who-references-what with a plain walk: every
// "$ref" of the document written where a message, channel, server or
// parameter belongs, and valid, is a reference of the model to that place.
func checkReferences(t *testing.T, m *model.Model, root *syntax.Node) {
	t.Helper()
	written := map[string]int{}
	for _, s := range refs.Collect(root) {
		switch refs.Classify(s.Path) {
		case refs.Message, refs.Channel, refs.Server, refs.Parameter:
		default:
			continue
		}
		if !m.IsV3() && len(s.Path) > 0 && s.Path[0] == "operations" {
			continue
		}
		if key, err := refs.Resolve(m.URI, s.Value.Value); err == nil {
			written[refs.FormatPointer(s.Path)+" → "+key.String()]++
		}
	}
	followed := map[string]int{}
	for _, r := range m.Refs() {
		if r.At.URI == m.URI && r.Err == nil {
			followed[refs.FormatPointer(r.At.Pointer)+" → "+r.Key.String()]++
		}
	}
	for k, n := range written {
		if followed[k] != n {
			t.Errorf("%s: written %d times, followed %d", k, n, followed[k])
		}
	}
	// And the index answers for the places those references lead to.
	m.Walk(func(e model.Element) bool {
		for _, r := range m.ReferencesTo(e) {
			if r.Target.String() != e.Common().Loc.String() {
				t.Errorf("ReferencesTo(%s) holds a reference to %s", e.Common().Loc, r.Target)
			}
		}
		return true
	})
}

// TestCorpusInvariants checks invariants on every official 2.x and 3.x
// document and the realworld-dev ones, and counts against a plain walk on
// those the official parser accepts.
func TestCorpusInvariants(t *testing.T) {
	valid := validCorpusDocuments(t)
	paths := realworldDocuments(t)
	for _, rel := range corpusDocuments(t) {
		paths = append(paths, filepath.Join(corpusDir, rel))
	}
	docs, _ := filepath.Glob("testdata/docs/*.*")
	paths = append(paths, docs...)
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			m, doc, snap := modelOf(t, p)
			checkInvariants(t, m, snap)
			rel, _ := filepath.Rel(corpusDir, p)
			if doc.Root() != nil && (valid[rel] || strings.HasPrefix(p, "testdata/") && !strings.Contains(p, "broken")) {
				checkCounts(t, m, doc.Root(), snap)
				checkReferences(t, m, doc.Root())
			}
		})
	}
}

// validCorpusDocuments are the corpus documents the official parser accepts.
func validCorpusDocuments(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, v := range readVerdicts(t) {
		if v.Valid {
			out[v.File] = true
		}
	}
	return out
}

// TestNoPanicOnAnyFile builds a model from every file of the corpus
// folders, AsyncAPI or not, whole or broken, in its notation and the other.
func TestNoPanicOnAnyFile(t *testing.T) {
	var files []string
	for _, dir := range []string{filepath.Join(corpusDir, "official"), os.Getenv("ASYNCAPI_LS_REALWORLD"), "testdata"} {
		if dir == "" {
			continue
		}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Skip("no files")
	}
	for _, p := range files {
		text, err := os.ReadFile(p)
		if err != nil || len(text) > 4<<20 {
			continue
		}
		abs, _ := filepath.Abs(p)
		other := abs + ".json" // read in the other notation too
		if syntax.DetectFormat(abs, text) == syntax.JSON {
			other = abs + ".yaml"
		}
		for _, name := range []string{abs, other} {
			doc := analysis.NewDocument(refs.FileURI(name), 1, text)
			m := workspace.New(workspace.Options{}).Snapshot(doc).Model()
			exercise(m)
		}
	}
}

// exercise calls every reader of the model.
func exercise(m *model.Model) {
	m.Walk(func(e model.Element) bool {
		m.ReferencesTo(e)
		switch x := e.(type) {
		case *model.Channel:
			m.OperationsOf(x)
			m.ServersOf(x)
		case *model.Operation:
			x.ID()
			x.EffectiveMessages()
			x.Applied()
			x.AppliedData()
		case *model.Message:
			x.ID()
			x.Applied()
			x.AppliedData()
			m.OperationsWith(x)
		case *model.Schema:
			x.Body()
		}
		return true
	})
	m.Messages()
	m.Files()
}

// leadsTo reports whether a reference's target is element c: its place, or
// its value reached at another address. The model keeps one element per
// value, and a loader may give the same tree at several addresses (the fuzz
// target's gives it at every one, as a folder linked into itself would).
func leadsTo(load refs.Loader, target model.Location, c *model.Base) bool {
	if target.String() == c.Loc.String() {
		return true
	}
	t, err := refs.Lookup(load, target.Key())
	return err == nil && t.Value.Resolve() == c.Value
}
