package schemas

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"asyncapi-ls/jsonpointer"
)

// ProblemKind classifies a schema problem.
type ProblemKind int

const (
	UnknownKey      ProblemKind = iota // a key the object does not define
	MissingKey                         // a required key is absent
	WrongType                          // the value has the wrong JSON type
	NotAllowedValue                    // the value is not one of an enum, or not the const
	RefNotAllowed                      // a "$ref" where references are not allowed
	RefRequired                        // an inline value where only a Reference Object is allowed (3.x)
	Invalid                            // anything else: pattern, format, minItems, uniqueItems ...
)

var kindCodes = [...]string{
	UnknownKey:      "unknown-key",
	MissingKey:      "missing-key",
	WrongType:       "wrong-type",
	NotAllowedValue: "not-allowed-value",
	RefNotAllowed:   "ref-not-allowed",
	RefRequired:     "ref-required",
	Invalid:         "invalid-structure",
}

// Code is the stable diagnostic code of the kind.
func (k ProblemKind) Code() string {
	if k < 0 || int(k) >= len(kindCodes) {
		return "invalid-structure"
	}
	return kindCodes[k]
}

func (k ProblemKind) String() string { return k.Code() }

// Problem is one way a document does not follow its version's schema.
type Problem struct {
	// Path is the instance location as unescaped JSON-pointer tokens, e.g. ["channels","user/signup","address"].
	Path []string
	// OnKey: the diagnostic belongs on the key named by the last Path token (unknown key, $ref not
	// allowed); otherwise on the value at Path.
	OnKey      bool
	Kind       ProblemKind
	Code       string // stable diagnostic code, see ProblemKind.Code
	Message    string // one or two sentences for a person
	Suggestion string // the close valid key (or value) to replace the faulty one with; "" if none
	DocURL     string // the specification section of the object concerned; "" when unknown
}

// Validate checks doc against the schema of exactly version. doc is a plain Go value: map[string]any,
// []any, string, bool, nil and numbers as json.Number (float64 and integers are accepted too). The
// problems come sorted by path, then message. Content behind a "$ref" is not followed: it is checked
// where it is defined.
func Validate(version string, doc any) ([]Problem, error) {
	sp, err := load(version)
	if err != nil {
		return nil, err
	}
	c := &checker{}
	if c.check(sp.root, doc) {
		return nil, nil
	}
	c.collect = true
	c.check(sp.root, doc)
	return sp.problems(c.errs, doc), nil
}

func (sp *spec) problems(errs []*verr, doc any) []Problem {
	var out []Problem
	for _, e := range errs {
		out = append(out, sp.convert(e, doc)...)
	}
	// A "$ref" where references are not allowed makes the object's other complaints noise: it is
	// meant to be replaced by its target, which is checked where it is defined.
	refObjects := map[string]bool{}
	for _, p := range out {
		if p.Kind == RefNotAllowed {
			refObjects[pathKey(p.Path[:len(p.Path)-1])] = true
		}
	}
	seen := map[string]bool{}
	kept := out[:0]
	for _, p := range out {
		if p.Kind == MissingKey && refObjects[pathKey(p.Path)] {
			continue
		}
		if at := p.Path; p.Kind != RefNotAllowed && insideReference(doc, at[:len(at)-boolInt(p.OnKey)]) {
			// As the official parser: unresolved, a reference to another
			// document may only be wrong in being there; what it brings in
			// is checked in its place, resolved (analysis/resolved.go).
			continue
		}
		key := pathKey(p.Path) + "\x00" + strconv.FormatBool(p.OnKey) + "\x00" + p.Code + "\x00" + p.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		kept = append(kept, p)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if c := comparePaths(kept[i].Path, kept[j].Path); c != 0 {
			return c < 0
		}
		if kept[i].Message != kept[j].Message {
			return kept[i].Message < kept[j].Message
		}
		return !kept[i].OnKey && kept[j].OnKey
	})
	return kept
}

func pathKey(p []string) string { return strings.Join(p, "\x00") }

// comparePaths orders paths token by token, numbers (array indexes) by value.
func comparePaths(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] == b[i] {
			continue
		}
		ai, aerr := strconv.Atoi(a[i])
		bi, berr := strconv.Atoi(b[i])
		if aerr == nil && berr == nil {
			if ai < bi {
				return -1
			}
			return 1
		}
		if a[i] < b[i] {
			return -1
		}
		return 1
	}
	return len(a) - len(b)
}

func (sp *spec) convert(e *verr, doc any) []Problem {
	n := e.n
	v := valueAt(doc, e.path)
	p := Problem{Path: e.path, Kind: Invalid, DocURL: n.docURL()}
	switch e.kind {
	case eAdditional:
		var out []Problem
		for _, k := range e.keys {
			q := Problem{Path: appendPath(e.path, k), OnKey: true, DocURL: n.docURL()}
			if k == "$ref" {
				q.Kind = RefNotAllowed
				q.Message = fmt.Sprintf("References ($ref) are not allowed in %s; write it here in full.", objectName(n, e.path))
			} else {
				q.Kind = UnknownKey
				q.Suggestion = closest(k, n.keyNames())
				q.Message = fmt.Sprintf("Unknown key %q in %s.", k, objectName(n, e.path))
				if q.Suggestion != "" {
					q.Message += fmt.Sprintf(" Did you mean %q?", q.Suggestion)
				}
			}
			out = append(out, q.withCode())
		}
		return out
	case eRequired:
		var out []Problem
		for _, k := range e.keys {
			q := Problem{Path: e.path, Kind: MissingKey, DocURL: n.docURL()}
			if k == "$ref" && n.flat.isRef {
				q.Kind = RefRequired
				q.DocURL = n.def.docURL(sp.version)
				q.Message = `Only a reference is allowed here: replace the inline object with a "$ref" to it.`
			} else {
				q.Message = fmt.Sprintf("Missing required key %q in %s.", k, objectName(n, e.path))
			}
			out = append(out, q.withCode())
		}
		return out
	case eType:
		if n.flat.isRef {
			p.Kind = RefRequired
			p.Message = fmt.Sprintf(`Only a reference is allowed here: expected an object with "$ref", found %s.`, typePhrase(v))
		} else {
			p.Kind = WrongType
			p.Message = fmt.Sprintf("Expected %s, found %s.", wantPhrase(e.want), typePhrase(v))
		}
	case eConst:
		p.Kind = NotAllowedValue
		p.Message = fmt.Sprintf("%s is not an allowed value; expected %s.", valuePhrase(v), listValue(*n.konst))
	case eEnum:
		p.Kind = NotAllowedValue
		var vals []string
		for _, x := range n.enum {
			vals = append(vals, listValue(x))
		}
		p.Message = fmt.Sprintf("%s is not an allowed value; expected one of: %s.", valuePhrase(v), strings.Join(vals, ", "))
		if s, ok := v.(string); ok {
			var strs []string
			for _, x := range n.enum {
				if xs, ok := x.(string); ok {
					strs = append(strs, xs)
				}
			}
			if p.Suggestion = closest(s, strs); p.Suggestion != "" {
				p.Message += fmt.Sprintf(" Did you mean %q?", p.Suggestion)
			}
		}
	case eFormat:
		p.Message = fmt.Sprintf("%s is not a valid %s.", valuePhrase(v), n.format.Name)
	case eFalse, eNot:
		p.Message = "This value is not allowed here."
		if _, isMap := valueAt(doc, e.path[:max(len(e.path)-1, 0)]).(map[string]any); e.kind == eFalse && isMap && len(e.path) > 0 {
			// A property whose schema is false: the key itself is refused.
			p.OnKey = true
			p.Message = fmt.Sprintf("The key %q is not allowed here.", e.path[len(e.path)-1])
		}
	case eNoMatch:
		p.Message = "This value has none of the forms allowed here."
	case eMinProps:
		p.Message = fmt.Sprintf("Expected at least %s, found %d.", plural(e.lim, "key"), lenOf(v))
	case eMaxProps:
		p.Message = fmt.Sprintf("Expected at most %s, found %d.", plural(e.lim, "key"), lenOf(v))
	case eDependency:
		p.Message = fmt.Sprintf("Key %q requires %s as well.", e.prop, quoteList(e.keys))
	case ePropertyName:
		p.Path, p.OnKey = appendPath(e.path, e.prop), true
		p.Message = fmt.Sprintf("%q is not a valid name here.", e.prop)
		if e.cause != nil {
			cause := *e.cause
			cause.path = nil // the name itself is the value checked
			if why := sp.convert(&cause, e.prop); len(why) == 1 {
				p.Message = fmt.Sprintf("%q is not a valid name here: %s", e.prop, lowerFirst(why[0].Message))
			}
		}
	case eMinItems:
		p.Message = fmt.Sprintf("Expected at least %s, found %d.", plural(e.lim, "item"), lenOf(v))
	case eMaxItems:
		p.Message = fmt.Sprintf("Expected at most %s, found %d.", plural(e.lim, "item"), lenOf(v))
	case eAdditionalItems:
		p.Message = fmt.Sprintf("Expected at most %s, found %d.", plural(e.lim, "item"), lenOf(v))
	case eUnique:
		p.Path = appendPath(e.path, strconv.Itoa(e.dup[1]))
		p.Message = fmt.Sprintf("Duplicate item: the same as item %d; items must be unique.", e.dup[0])
	case eContains:
		p.Message = "No item has the expected form."
	case eMinLength:
		p.Message = fmt.Sprintf("Expected at least %s.", plural(e.lim, "character"))
	case eMaxLength:
		p.Message = fmt.Sprintf("Expected at most %s.", plural(e.lim, "character"))
	case ePattern:
		p.Message = fmt.Sprintf("%s does not match the pattern %s.", valuePhrase(v), n.pattern.String())
	case eMinimum:
		p.Message = fmt.Sprintf("Expected a number of at least %s, found %s.", e.rat.RatString(), listValue(v))
	case eMaximum:
		p.Message = fmt.Sprintf("Expected a number of at most %s, found %s.", e.rat.RatString(), listValue(v))
	case eExclMin:
		p.Message = fmt.Sprintf("Expected a number greater than %s, found %s.", e.rat.RatString(), listValue(v))
	case eExclMax:
		p.Message = fmt.Sprintf("Expected a number less than %s, found %s.", e.rat.RatString(), listValue(v))
	case eMultipleOf:
		p.Message = fmt.Sprintf("Expected a multiple of %s, found %s.", e.rat.RatString(), listValue(v))
	case eOneOfMulti:
		p.Message = "This value fits more than one of the alternatives allowed here; it must fit exactly one."
		if a, b := n.oneOf[e.dup[0]].noun(), n.oneOf[e.dup[1]].noun(); a != "" && b != "" && a != b {
			p.Message = fmt.Sprintf("This value fits both %s and %s; it must fit exactly one.", a, b)
		}
	}
	return []Problem{p.withCode()}
}

func (p Problem) withCode() Problem {
	p.Code = p.Kind.Code()
	return p
}

func appendPath(p []string, tok string) []string {
	out := make([]string, len(p), len(p)+1)
	copy(out, p)
	return append(out, tok)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// insideReference reports whether path is a Reference Object to another
// document ({"$ref": "file.yaml#/…"}) of doc, or lies inside one.
func insideReference(doc any, path []string) bool {
	v := doc
	for i := 0; ; i++ {
		if m, ok := v.(map[string]any); ok {
			if ref, isRef := m["$ref"].(string); isRef && !strings.HasPrefix(ref, "#") {
				return true
			}
		}
		if i == len(path) {
			return false
		}
		v = valueAt(v, path[i:i+1])
	}
}

// valueAt returns the value at an instance path, or nil.
func valueAt(doc any, path []string) any {
	v := doc
	for _, tok := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// objectName names the object a schema describes in a message: "a channel", "info", or the key that
// holds it.
func objectName(n *node, path []string) string {
	if noun := n.noun(); noun != "" {
		return noun
	}
	switch len(path) {
	case 0:
		return "the AsyncAPI document"
	case 1:
		return fmt.Sprintf("%q", path[0])
	}
	last, parent := path[len(path)-1], path[len(path)-2]
	if _, err := strconv.Atoi(last); err == nil {
		return fmt.Sprintf("item %s of %q", last, parent)
	}
	return fmt.Sprintf("%q", last)
}

// noun is the name of the object n describes when n is a definition's object ("" otherwise).
func (n *node) noun() string {
	if n.def == nil || !n.defRoot {
		return ""
	}
	return n.def.noun
}

// docURL links the specification section about what n describes: its definition's object, or the
// field of it that n is the schema of.
func (n *node) docURL() string {
	if n.def == nil {
		return ""
	}
	v := n.sp.version
	if n.defRoot {
		return n.def.docURL(v)
	}
	return n.def.fieldDocURL(v, firstProperty(n.defRel))
}

// firstProperty returns the property a pointer inside a definition first steps into ("" if none).
func firstProperty(rel string) string {
	if rel == "" {
		return ""
	}
	toks := strings.Split(rel[1:], "/")
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "allOf", "anyOf", "oneOf":
			i++
		case "then", "else":
		case "properties":
			if i+1 < len(toks) {
				return jsonpointer.Unescape(toks[i+1])
			}
			return ""
		default:
			return ""
		}
	}
	return ""
}

// keyNames lists the property names n defines, sorted.
func (n *node) keyNames() []string { return sortedKeys(n.props) }

var articles = map[string]string{
	"object": "an object", "array": "an array", "string": "a string", "number": "a number",
	"integer": "an integer", "boolean": "a boolean", "null": "null",
}

func wantPhrase(m typeMask) string {
	if m&tNumber != 0 {
		m &^= tInteger
	}
	var parts []string
	for _, name := range m.names() {
		parts = append(parts, articles[name])
	}
	switch len(parts) {
	case 0:
		return "a different value"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func typePhrase(v any) string {
	switch typeOf(v) {
	case tNull:
		return "null"
	case tBoolean:
		return "a boolean"
	case tString:
		return "a string"
	case tNumber:
		return "a number"
	case tArray:
		return "an array"
	case tObject:
		return "an object"
	}
	return "an unsupported value"
}

// valuePhrase shows a value as the subject of a sentence: "sendd" quoted, numbers as written,
// objects and arrays by their type.
func valuePhrase(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case map[string]any:
		return "This object"
	case []any:
		return "This array"
	}
	return listValue(v)
}

// listValue shows a value inside a list of allowed values: strings unquoted.
func listValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	case json.Number:
		return string(x)
	case map[string]any, []any:
		b, err := json.Marshal(x)
		if err == nil {
			return string(b)
		}
	}
	return fmt.Sprint(v)
}

func quoteList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = strconv.Quote(k)
	}
	return strings.Join(q, ", ")
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, `"`) {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func lenOf(v any) int {
	switch x := v.(type) {
	case map[string]any:
		return len(x)
	case []any:
		return len(x)
	}
	return 0
}
