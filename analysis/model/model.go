package model

import (
	"errors"
	"strings"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Model is the API of one document version, with what its references reach
// in other files. Build makes it; it is never changed afterwards.
type Model struct {
	URI     string // canonical URI of the document
	Version Scalar // the "asyncapi" field
	ID      Scalar
	// DefaultContentType applies to messages that give no contentType.
	DefaultContentType Scalar

	Info       *Info
	Servers    []*Server
	Channels   []*Channel
	Operations []*Operation // 3.x: the root operations; 2.x: publish and subscribe of the root channels
	Components *Components
	// Tags and ExternalDocs of the API: at the root in 2.x, in info in 3.x.
	Tags         []*Tag
	ExternalDocs *ExternalDocs

	refs   []*Ref                  // every reference followed, in build order
	refsTo map[*syntax.Node][]*Ref // by the value they lead to
	deps   map[string]*syntax.Node // other files read: URI → root (nil when unreadable)
	// opsByChannel: 3.x operations (root and components) by the value of
	// their channel. (Values stand for places: within one model a place
	// has one value, and aliases of a value are one definition.)
	opsByChannel map[*syntax.Node][]*Operation
}

// IsV3 reports whether the document is AsyncAPI 3.x; anything else is read
// with the 2.x shape.
func (m *Model) IsV3() bool { return strings.HasPrefix(m.Version.Value, "3.") }

// Location is where a value is written: a file and a JSON pointer into it.
type Location struct {
	URI     string   // canonical URI of the file
	Pointer []string // unescaped tokens from the file's root
}

// Key is the location as a reference key.
func (l Location) Key() refs.Key { return refs.Key{URI: l.URI, Tokens: l.Pointer} }

// String is the normalised form "uri#/a/b", the form references compare in.
func (l Location) String() string { return l.Key().String() }

// child is the location of key (or index) under l.
func (l Location) child(tok string) Location {
	p := make([]string, len(l.Pointer)+1)
	copy(p, l.Pointer)
	p[len(l.Pointer)] = tok
	return Location{URI: l.URI, Pointer: p}
}

// Scalar is a field holding one value.
type Scalar struct {
	Value string       // the text of a scalar; "" when absent, null or not a scalar
	Node  *syntax.Node // the value as written; nil when the field is absent
}

// IsSet reports whether the field is present and not null.
func (s Scalar) IsSet() bool { return s.Node != nil && !s.Node.IsNull() }

// Ref is a "$ref" that was followed to reach an element.
type Ref struct {
	Node   *syntax.Node // the "$ref" value
	At     Location     // the reference object holding it
	Key    refs.Key     // the normalised target; zero when the value is not a valid reference
	Target Location     // where the chain of references ended; zero when Err is set
	Err    error        // why the reference leads nowhere; nil when it resolved
}

// Base is what every element carries.
type Base struct {
	// Key names the element: its mapping key where it is used, or, for a
	// use with no key of its own (a list item, a field such as an
	// operation's channel), the key of the place its reference names; ""
	// when there is none.
	Key     string
	KeyNode *syntax.Node
	// Value is the value that defines the element, after references; nil
	// when they lead nowhere.
	Value *syntax.Node
	// Loc is where Value is written; where the reference is written when it
	// leads nowhere.
	Loc Location
	// Ref is the first "$ref" followed to reach Value (a chain may follow
	// more); nil when the element is written in place.
	Ref *Ref
	// Problem says why the element cannot be read as its kind: a reference
	// that leads nowhere or to another kind of object, a value that is not
	// an object, a name that names nothing. Nil when fine.
	Problem error
}

// Common returns the fields every element has.
func (b *Base) Common() *Base { return b }

// Element is any object of the model.
type Element interface {
	Common() *Base
	Kind() Kind
}

// Kind is the kind of an element: the kinds references can name (see
// refs.Kind), and the few that only the model names.
type Kind = refs.Kind

// Kinds that no reference names.
const (
	KindInfo                Kind = "info"
	KindContact             Kind = "contact"
	KindLicense             Kind = "license"
	KindBindings            Kind = "bindings"
	KindBinding             Kind = "binding"
	KindMessageExample      Kind = "message example"
	KindSecurityRequirement Kind = "security requirement"
	KindOAuthFlow           Kind = "OAuth flow"
	KindComponents          Kind = "components"
)

// Problems recorded on elements (besides the errors of refs.Resolve and
// refs.Lookup: refs.MissingError, refs.LoadError, refs.ErrBadPointer, …).
var (
	// ErrNotObject: the value is not a mapping.
	ErrNotObject = errors.New("the value is not an object")
	// ErrCycle: references lead back to themselves without reaching a value.
	ErrCycle = errors.New("the references form a cycle that never reaches a value")
	// ErrNoLoader: another file was needed and no loader was given.
	ErrNoLoader = errors.New("other files cannot be read here")
	// ErrNotParsed: the file was read but holds no YAML or JSON value.
	ErrNotParsed = errors.New("the file does not parse as YAML or JSON")
)

// KindError reports a reference that leads to another kind of object.
type KindError struct{ Want, Got Kind }

func (e *KindError) Error() string {
	return "the reference leads to " + article(string(e.Got)) + ", not " + article(string(e.Want))
}

// NameError reports a name that names nothing (a 2.x channel's server
// name, a 2.x security requirement's scheme name).
type NameError struct {
	Kind Kind
	Name string
}

func (e *NameError) Error() string {
	return "there is no " + string(e.Kind) + ` named "` + e.Name + `"`
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}
