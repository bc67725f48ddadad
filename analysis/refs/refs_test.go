package refs

import (
	"reflect"
	"strings"
	"testing"

	"asyncapi-ls/analysis/syntax"
)

func TestResolveNormalisesOneKey(t *testing.T) {
	base := "file:///ws/api/main.yaml"
	for _, c := range []struct{ ref, want string }{
		{"#/components/schemas/User", "file:///ws/api/main.yaml#/components/schemas/User"},
		{"./messages/user.yaml#/User", "file:///ws/api/messages/user.yaml#/User"},
		{"messages/../messages/user.yaml#/User", "file:///ws/api/messages/user.yaml#/User"},
		{"../common.yaml", "file:///ws/common.yaml#"},
		{"./data.json#/a~1b/c~0d", "file:///ws/api/data.json#/a~1b/c~0d"},
		{"#/channels/user~1%7Bid%7D", "file:///ws/api/main.yaml#/channels/user~1{id}"},
		{"my%20file.yaml#/x", "file:///ws/api/my%20file.yaml#/x"},
		{"file:///ws/api/main.yaml#/x", "file:///ws/api/main.yaml#/x"},
		{"https://example.com/a/b.yaml#/x", "https://example.com/a/b.yaml#/x"},
	} {
		k, err := Resolve(base, c.ref)
		if err != nil {
			t.Errorf("%s: %v", c.ref, err)
			continue
		}
		if k.String() != c.want {
			t.Errorf("%s: got %s want %s", c.ref, k, c.want)
		}
	}
	// Percent-decoding happens before "~" unescaping: "%7E1" is "~1", a slash.
	k, _ := Resolve(base, "#/a%7E1b")
	if !reflect.DeepEqual(k.Tokens, []string{"a/b"}) {
		t.Errorf("tokens %q", k.Tokens)
	}
	// "~01" is "~1" literally, not "/".
	k, _ = Resolve(base, "#/a~01b")
	if !reflect.DeepEqual(k.Tokens, []string{"a~1b"}) {
		t.Errorf("tokens %q", k.Tokens)
	}
	if _, err := Resolve(base, "#components/x"); err != ErrBadPointer {
		t.Errorf("missing slash: %v", err)
	}
	if _, err := Resolve("untitled:Untitled-1", "./x.yaml"); err != ErrNoBase {
		t.Errorf("untitled base: %v", err)
	}
	if _, err := Resolve(base, " "); err != ErrEmpty {
		t.Errorf("empty: %v", err)
	}
}

func TestCanonicalURIAndRelative(t *testing.T) {
	if a, b := CanonicalURI("file:///c%3A/x/./y.yaml"), CanonicalURI("file:///c:/x/y.yaml"); a != b {
		t.Errorf("%s != %s", a, b)
	}
	if got := Relative("file:///ws/api/main.yaml", "file:///ws/common/x.yaml"); got != "../common/x.yaml" {
		t.Errorf("relative %q", got)
	}
	if got := Relative("file:///ws/main.yaml", "file:///ws/x.yaml"); got != "./x.yaml" {
		t.Errorf("relative %q", got)
	}
}

func TestFragmentTokenRoundTrip(t *testing.T) {
	for _, tok := range []string{"User", "user/{id}", "a~b", "späce here", "x%y"} {
		k, err := Resolve("file:///a.yaml", "#/"+FragmentToken(tok))
		if err != nil || len(k.Tokens) != 1 || k.Tokens[0] != tok {
			t.Errorf("%q: %v %q", tok, err, k.Tokens)
		}
	}
}

func TestClassify(t *testing.T) {
	for path, want := range map[string]Kind{
		"components/schemas/User":                         Schema,
		"components/schemas/User/properties/friend":       Schema,
		"components/schemas/User/items":                   Schema,
		"components/schemas/User/allOf/0":                 Schema,
		"components/messages/M":                           Message,
		"components/messages/M/payload":                   Schema,
		"components/messages/M/payload/properties/a":      Schema,
		"channels/c/messages/m":                           Message,
		"channels/c/publish/message":                      Message,
		"channels/c/publish/message/oneOf/1":              Message,
		"channels/c/parameters/p":                         Parameter,
		"operations/o/channel":                            Channel,
		"operations/o/messages/0":                         Message,
		"operations/o/reply/channel":                      Channel,
		"servers/s":                                       Server,
		"servers/s/variables/port":                        ServerVariable,
		"channels/c/servers/0":                            Server,
		"components/messages/M/traits/0":                  MessageTrait,
		"info":                                            Unknown,
		"components/schemas/User/properties/a/examples/0": Unknown,
		"channels/c/bindings/kafka":                       Unknown,
	} {
		if got := Classify(strings.Split(path, "/")); got != want {
			t.Errorf("%s: got %q want %q", path, got, want)
		}
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"User", "UserSignedUp", "Order"}
	for word, want := range map[string]string{"Usr": "User", "user": "User", "Ordr": "Order", "Payment": "", "UserSignedUo": "UserSignedUp"} {
		if got := Closest(word, cands); got != want {
			t.Errorf("%s: got %q want %q", word, got, want)
		}
	}
}

func parse(t *testing.T, text string) *syntax.Node {
	t.Helper()
	f := syntax.Parse([]byte(text), syntax.YAML)
	if f.Root == nil {
		t.Fatalf("no tree: %v", f.Errors)
	}
	return f.Root
}

func TestCycleAndRecursion(t *testing.T) {
	files := map[string]*syntax.Node{
		"file:///a.yaml": parse(t, `
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: './b.yaml#/C'}
    Tree:
      type: object
      properties:
        child: {$ref: '#/components/schemas/Tree'}
    Self: {$ref: '#/components/schemas/Self'}
`),
		"file:///b.yaml": parse(t, "C: {$ref: './a.yaml#/components/schemas/A'}\n"),
	}
	load := func(u string) (*syntax.Node, error) { return files[u], nil }
	for _, s := range Collect(files["file:///a.yaml"]) {
		chain := Cycle(load, "file:///a.yaml", s.Holder, s.Value)
		name := s.Path[len(s.Path)-1]
		switch name {
		case "A", "B":
			if len(chain) != 3 {
				t.Errorf("%s: want a 3-link cycle, got %d", name, len(chain))
			}
		case "Self":
			if len(chain) != 1 {
				t.Errorf("Self: want a 1-link cycle, got %d", len(chain))
			}
		default:
			if chain != nil {
				t.Errorf("%v: recursion through properties flagged as a cycle", s.Path)
			}
		}
	}
}

func TestLookupThroughReferenceAndMissing(t *testing.T) {
	root := parse(t, `
components:
  schemas:
    Alias: {$ref: '#/components/schemas/Real'}
    Real:
      properties:
        id: {type: string}
`)
	load := func(string) (*syntax.Node, error) { return root, nil }
	tg, err := Lookup(load, Key{URI: "file:///a.yaml", Tokens: []string{"components", "schemas", "Alias", "properties", "id"}})
	if err != nil || tg.Key == nil || tg.Key.Value != "id" {
		t.Fatalf("through a reference: %v %+v", err, tg)
	}
	_, err = Lookup(load, Key{URI: "file:///a.yaml", Tokens: []string{"components", "schemas", "Rael"}})
	m, ok := err.(*MissingError)
	if !ok || m.Depth != 2 || Closest("Rael", m.Candidates()) != "Real" {
		t.Fatalf("missing: %v", err)
	}
}

// TestParseIsResolvesParser: Parse takes a value apart as written, and
// Resolve reads the same tokens from it.
func TestParseIsResolvesParser(t *testing.T) {
	for _, c := range []struct {
		value, file string
		tokens      []string
		err         error
	}{
		{"#/components/schemas/User", "", []string{"components", "schemas", "User"}, nil},
		{"./other.yaml", "./other.yaml", nil, nil},
		{"../a%20b.yaml#/x~1y/%7E0z", "../a%20b.yaml", []string{"x/y", "~z"}, nil},
		{"", "", nil, nil},
		{"#components", "", nil, ErrBadPointer},
		{"#/%zz", "", nil, ErrBadURI},
	} {
		r, err := Parse(c.value)
		if err != c.err || r.File != c.file || !reflect.DeepEqual(r.Pointer, c.tokens) {
			t.Errorf("Parse(%q) = %+v, %v", c.value, r, err)
			continue
		}
		if k, err := Resolve("file:///ws/main.yaml", c.value); c.value != "" && (err != c.err || err == nil && !reflect.DeepEqual(k.Tokens, c.tokens)) {
			t.Errorf("Resolve(%q) = %v, %v", c.value, k, err)
		}
	}
}

// TestFindStaysInOneDocument: Find follows references inside the document
// and stops at one into another.
func TestFindStaysInOneDocument(t *testing.T) {
	root := parse(t, `
components:
  schemas:
    Alias: {$ref: '#/components/schemas/Real'}
    Real: {properties: {id: {type: string}}}
    Away: {$ref: './other.yaml#/X'}
    AwayAbs: {$ref: 'file:///other.yaml#/X'}
`)
	tg, err := Find(root, []string{"components", "schemas", "Alias", "properties", "id"})
	if err != nil || tg.Key == nil || tg.Key.Value != "id" {
		t.Fatalf("through a local reference: %v %+v", err, tg)
	}
	if tg, err := Find(root, nil); err != nil || tg.Value != root {
		t.Errorf("no tokens: the root, got %v", err)
	}
	for _, name := range []string{"Away", "AwayAbs"} {
		if _, err := Find(root, []string{"components", "schemas", name, "x"}); err == nil {
			t.Errorf("%s: followed into another document", name)
		}
	}
	if _, err := Find(root, []string{"components", "nothing"}); err == nil {
		t.Error("a missing token was found")
	}
}

func TestKindArticle(t *testing.T) {
	if Operation.Article() != "an operation" || Schema.Article() != "a schema" || Kind("OAuth flow").Article() != "an OAuth flow" {
		t.Error(Operation.Article(), Schema.Article())
	}
}
