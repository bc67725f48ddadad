package rules

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The value rules (message examples, schema defaults, examples and consts,
// payload validity) compile schemas straight out of the document with
// santhosh-tekuri/jsonschema: the whole document is one resource, so a
// local "$ref" inside a payload resolves as it does for the parser.

// docURL names the document resource inside the compiler.
const docURL = "asyncapi-ls:///document.json"

var printer = message.NewPrinter(language.English)

type compilerKey struct{}

// schemaSet compiles schemas of one pass, each location once.
type schemaSet struct {
	pass   *analysis.Pass
	c      *jsonschema.Compiler
	err    error // the document could not be converted
	byPtr  map[string]compiled
	values *pieces
	// shared maps the pointer of each schema in the shared resource to its
	// index there; nil when that resource could not be used.
	shared map[string]int
}

type compiled struct {
	s   *jsonschema.Schema
	err error
}

// errExternal refuses to load anything but the document: file and remote
// references are the reference engine's business, not the value rules'.
var errExternal = errors.New("external reference not followed")

type noLoader struct{}

func (noLoader) Load(string) (any, error) { return nil, errExternal }

// schemasOf is the schema set of the keyword rules (default, const,
// examples) in this pass: the schemas that hold those keywords. A set is
// not safe for concurrent use: those rules run in one Serial group.
func schemasOf(p *analysis.Pass) *schemaSet {
	return p.Memo(compilerKey{}, func() any {
		return newSchemaSet(p, func(s *schemaSet, mark func([]string)) {
			for _, path := range jsonSchemaRoots(p) {
				if n := p.Find(path...); n != nil && nodeHasKey(n, valueKeywords) {
					mark(path)
				}
			}
		})
	}).(*schemaSet)
}

// newSchemaSet makes a schema set sharing the schemas that seed marks
// (and those they reference); others compile on their own when asked for.
func newSchemaSet(p *analysis.Pass, seed func(s *schemaSet, mark func(path []string))) *schemaSet {
	set := &schemaSet{pass: p, byPtr: map[string]compiled{}, shared: map[string]int{}, values: piecesOf(p)}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	c.RegisterFormat(schemas.URITemplate) // as the parser asserts it
	c.UseLoader(noLoader{})
	set.c = c
	set.share(set.usedRoots(jsonSchemaRoots(p), seed))
	return set
}

// siteKey is where a schema sits inside its own resource (see compile).
const siteKey = "__asyncapi_ls_schema"

// pointer encodes path as a JSON pointer fragment.
func pointer(path []string) string {
	var b strings.Builder
	for _, tok := range path {
		b.WriteString("/" + url.PathEscape(refs.EscapeToken(tok)))
	}
	return b.String()
}

// compile returns the schema at path; an error says why it is not a valid
// JSON Schema (or refers outside the document, errExternal).
//
// Each schema gets its own resource: a shallow copy of the document's top
// level with the schema added under siteKey, so that "#/components/…"
// references resolve as in the document. One resource for the whole
// document would be simpler, but the compiler copies a resource's index for
// every new location compiled in it, which is quadratic on big documents.
func (s *schemaSet) compile(path []string) (*jsonschema.Schema, error) {
	if s.err != nil {
		return nil, s.err
	}
	ptr := pointer(path)
	if c, ok := s.byPtr[ptr]; ok {
		return c.s, c.err
	}
	// Beside "$ref", draft-07 ignores every keyword: a reference inside the
	// document is its target, compiled once for all who point at it.
	if target, ok := s.refTarget(path); ok {
		sch, err := s.compile(target)
		s.byPtr[ptr] = compiled{sch, err}
		return sch, err
	}
	for k := len(path); k > 0 && s.shared != nil; k-- {
		if i, ok := s.shared[pointer(path[:k])]; ok {
			sch, err := s.c.Compile(docURL + sharedLocation(i) + pointer(path[k:]))
			s.byPtr[ptr] = compiled{sch, err}
			return sch, err
		}
	}
	v, found := s.valueAt(path)
	top, err := s.values.whole()
	if !found || err != nil {
		s.byPtr[ptr] = compiled{nil, cmp.Or(err, errExternal)}
		return nil, cmp.Or(err, errExternal)
	}
	res := make(map[string]any, len(top)+1)
	for k, x := range top {
		res[k] = x
	}
	res[siteKey] = v
	u := docURL + "/" + strconv.Itoa(len(s.byPtr)+1)
	var sch *jsonschema.Schema
	err = s.c.AddResource(u, res)
	if err == nil {
		sch, err = s.c.Compile(u + "#/" + siteKey)
	}
	s.byPtr[ptr] = compiled{sch, err}
	return sch, err
}

// external reports whether err comes from a reference out of the document.
func external(err error) bool {
	return errors.Is(err, errExternal) || strings.Contains(fmt.Sprint(err), errExternal.Error())
}

// valueAt returns the plain data at path; false when there is none, or
// when the document's aliases expand beyond the budget (s.err says so).
func (s *schemaSet) valueAt(path []string) (any, bool) {
	v, found, err := s.values.at(path)
	if err != nil && s.err == nil {
		s.err = err
	}
	return v, found
}

// violation is one way a value does not fit its schema, located inside the
// value.
type violation struct {
	Path    []string // relative to the value
	Message string
}

// validate checks the value at valuePath against the schema at schemaPath.
// ok is false when nothing was checked: the schema could not be compiled
// (the payload rule reports that), or evaluating it loops (a polymorphic
// base whose oneOf lists subtypes whose allOf names the base again, as
// Springwolf writes class hierarchies) and so says nothing about the value.
func (s *schemaSet) validate(schemaPath, valuePath []string) (out []violation, ok bool) {
	sch, err := s.compile(schemaPath)
	if err != nil {
		return nil, false
	}
	v, found := s.valueAt(valuePath)
	if !found {
		return nil, true
	}
	return violations(sch, v)
}

// violations lists how v does not fit sch, in a stable order; ok is false
// when evaluating sch loops (see validate) and says nothing about v.
func violations(sch *jsonschema.Schema, v any) (out []violation, ok bool) {
	err := sch.Validate(v)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, true
	}
	seen := map[string]bool{}
	looped := false
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if _, ok := e.ErrorKind.(*kind.RefCycle); ok {
			looped = true
			return
		}
		if len(e.Causes) == 0 {
			if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
				slices.Sort(ap.Properties) // listed in map order: the same every run
			}
			// The library prints a JSON null (in an enum, a const) as Go's <nil>.
			msg := strings.ReplaceAll(e.ErrorKind.LocalizedString(printer), "<nil>", "null")
			key := strings.Join(e.InstanceLocation, "/") + "\x00" + msg
			if !seen[key] {
				seen[key] = true
				out = append(out, violation{Path: e.InstanceLocation, Message: msg})
			}
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	if looped {
		return nil, false
	}
	// The compiler's causes come in map order: sorted, the same example
	// gets the same findings on every run.
	slices.SortFunc(out, func(a, b violation) int {
		return cmp.Or(slices.Compare(a.Path, b.Path), strings.Compare(a.Message, b.Message))
	})
	return out, true
}

// maxReported caps the problems shown for one value, each where it is: the
// official parser shows them all, but a value that misses its schema
// altogether would flood the editor.
const maxReported = 25

// report turns violations of the value at valuePath into findings on the
// smallest node of the text that holds them.
func report(p *analysis.Pass, valuePath []string, what string, vs []violation) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for i, v := range vs {
		if i == maxReported {
			out[len(out)-1].Message += fmt.Sprintf(" (and %d more problems)", len(vs)-maxReported)
			break
		}
		path := append(append([]string(nil), valuePath...), v.Path...)
		n := p.Root.Find(path...)
		for n == nil && len(path) > len(valuePath) {
			path = path[:len(path)-1]
			n = p.Root.Find(path...)
		}
		where := ""
		if len(v.Path) > 0 {
			where = " at " + strings.Join(v.Path, ".")
		}
		d := at(n, fmt.Sprintf("%s does not fit its schema%s: %s.", what, where, strings.TrimSuffix(v.Message, ".")))
		if pair := p.Root.FindPair(path...); pair != nil && n != nil && isBlock(n) {
			d.Start, d.End = pair.Key.Start, pair.Key.End
		}
		out = append(out, d)
	}
	return out
}

func isBlock(n *syntax.Node) bool {
	r := n.Resolve()
	return r != nil && r.Kind != syntax.Scalar && !r.Flow
}
