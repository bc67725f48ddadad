package ruleset

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"asyncapi-ls/analysis/syntax"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Function is one of Spectral's core functions, written in Go. Its options
// are declared once: loading validates them, and completion and hover in
// ruleset files read them.
type Function struct {
	Name string
	// Doc says in our words what the function checks.
	Doc     string
	Options []Option // nil: the function takes no options
	// prep checks and compiles the options (after the declared checks).
	prep func(opts map[string]any) (any, error)
	run  func(c *call) []finding
}

// Option is one functionOptions key.
type Option struct {
	Name     string
	Type     string // "string", "boolean", "number", "array", "object"
	Doc      string
	Required bool
	Enum     []string
}

// Functions are the core functions by name.
var Functions = map[string]*Function{}

// FunctionNames lists the core functions, sorted.
func FunctionNames() []string {
	out := make([]string, 0, len(Functions))
	for n := range Functions {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func register(f *Function) { Functions[f.Name] = f }

// optionError is a mistake in functionOptions at path below them.
type optionError struct {
	path []string
	msg  string
}

func (e *optionError) Error() string { return e.msg }

func optErr(path []string, format string, args ...any) error {
	return &optionError{path: path, msg: fmt.Sprintf(format, args...)}
}

// prepare validates options against the declaration, then compiles them.
func (f *Function) prepare(opts any) (any, error) {
	if f.Options == nil {
		if opts != nil {
			return nil, optErr(nil, "The function %q takes no functionOptions.", f.Name)
		}
		return nil, nil
	}
	m, ok := opts.(map[string]any)
	if !ok {
		if opts == nil && !slices.ContainsFunc(f.Options, func(o Option) bool { return o.Required }) && f.prep == nil {
			return nil, nil
		}
		if opts == nil {
			m = map[string]any{}
		} else {
			return nil, optErr(nil, "The functionOptions of %q must be a mapping (%s).", f.Name, f.optionList())
		}
	}
	for k, v := range m {
		o := f.option(k)
		if o == nil {
			return nil, optErr([]string{k}, "The function %q has no option %q; its options are %s.", f.Name, k, f.optionList())
		}
		if !typeFits(v, o.Type) {
			return nil, optErr([]string{k}, "The option %q of %q must be %s.", k, f.Name, article(o.Type))
		}
		if o.Enum != nil && !slices.Contains(o.Enum, fmt.Sprint(v)) {
			return nil, optErr([]string{k}, "The option %q of %q is one of %s.", k, f.Name, strings.Join(o.Enum, ", "))
		}
	}
	for _, o := range f.Options {
		if _, ok := m[o.Name]; o.Required && !ok {
			return nil, optErr(nil, "The function %q needs the option %q (%s).", f.Name, o.Name, o.Doc)
		}
	}
	if f.prep != nil {
		return f.prep(m)
	}
	return m, nil
}

func (f *Function) option(name string) *Option {
	for i := range f.Options {
		if f.Options[i].Name == name {
			return &f.Options[i]
		}
	}
	return nil
}

func (f *Function) optionList() string {
	var names []string
	for _, o := range f.Options {
		names = append(names, o.Name)
	}
	return strings.Join(names, ", ")
}

func article(t string) string {
	switch t {
	case "array", "object":
		return "an " + t
	case "string|array":
		return "a string or a list of strings"
	}
	return "a " + t
}

func typeFits(v any, t string) bool {
	switch t {
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	}
	return true
}

// finding is one problem a function reports: at the input, or below it
// (sub), or at a place of the analysed document (abs).
type finding struct {
	message string
	sub     []string
	abs     []string
}

// nameOf is how a message names the input: `"name" ` or "The value ".
func (c *call) nameOf() string {
	if p := c.property(); p != "" {
		return `"` + p + `" `
	}
	return "The document "
}

func init() {
	register(&Function{Name: "truthy", Doc: "The value is present and truthy: not false, 0, an empty string or null.",
		run: func(c *call) []finding {
			if c.in.js().truthy() {
				return nil
			}
			return []finding{{message: c.nameOf() + "should be set to a truthy value"}}
		}})
	register(&Function{Name: "falsy", Doc: "The value is absent or falsy: false, 0, an empty string or null.",
		run: func(c *call) []finding {
			if !c.in.js().truthy() {
				return nil
			}
			return []finding{{message: c.nameOf() + "should be absent or falsy"}}
		}})
	register(&Function{Name: "defined", Doc: "The value is present (null counts as present).",
		run: func(c *call) []finding {
			if c.in.defined() {
				return nil
			}
			return []finding{{message: c.nameOf() + "should be defined"}}
		}})
	register(&Function{Name: "undefined", Doc: "The value is absent.",
		run: func(c *call) []finding {
			if !c.in.defined() {
				return nil
			}
			return []finding{{message: c.nameOf() + "should not be defined"}}
		}})
	register(&Function{Name: "pattern", Doc: "A string matches (match) or does not match (notMatch) a regular expression, written as a JavaScript source or as /source/flags.",
		Options: []Option{
			{Name: "match", Type: "string", Doc: "a regular expression the value must match"},
			{Name: "notMatch", Type: "string", Doc: "a regular expression the value must _not_ match"},
		},
		prep: func(m map[string]any) (any, error) {
			if len(m) == 0 {
				return nil, optErr(nil, `The function "pattern" needs match, notMatch or both.`)
			}
			out := patternOptions{}
			for _, k := range []string{"match", "notMatch"} {
				s, ok := m[k].(string)
				if !ok {
					continue
				}
				re, err := compilePattern(s)
				if err != nil {
					return nil, optErr([]string{k}, "%s", err.Error())
				}
				if k == "match" {
					out.match, out.matchSrc = re, s
				} else {
					out.notMatch, out.notMatchSrc = re, s
				}
			}
			return out, nil
		},
		run: func(c *call) []finding {
			s, ok := c.in.str()
			if !ok {
				return nil
			}
			o := c.opts.(patternOptions)
			var out []finding
			if o.match != nil && !o.match.MatchString(s) {
				out = append(out, finding{message: c.printValue() + " does not match the pattern " + strconv.Quote(o.matchSrc)})
			}
			if o.notMatch != nil && o.notMatch.MatchString(s) {
				out = append(out, finding{message: c.printValue() + " matches the forbidden pattern " + strconv.Quote(o.notMatchSrc)})
			}
			return out
		}})
	register(&Function{Name: "casing", Doc: "A string is written in one casing: flat, camel, pascal, kebab, cobol, snake or macro; digits allowed unless disallowDigits, words maybe joined by a separator.",
		Options: []Option{
			{Name: "type", Type: "string", Doc: "the casing: flat, camel, pascal, kebab, cobol, snake or macro", Required: true, Enum: casingNames},
			{Name: "disallowDigits", Type: "boolean", Doc: "digits are not allowed"},
			{Name: "separator", Type: "object", Doc: "{char, allowLeading}: a character that may join groups of words, and whether it may lead"},
		},
		prep: func(m map[string]any) (any, error) {
			o := casingOptions{kind: m["type"].(string)}
			o.noDigits, _ = m["disallowDigits"].(bool)
			if sep, ok := m["separator"].(map[string]any); ok {
				for k := range sep {
					if k != "char" && k != "allowLeading" {
						return nil, optErr([]string{"separator", k}, `The separator of "casing" has the keys char and allowLeading.`)
					}
				}
				ch, ok := sep["char"].(string)
				if !ok || len([]rune(ch)) != 1 {
					return nil, optErr([]string{"separator"}, `The separator of "casing" needs char, one character such as "/" or ".".`)
				}
				o.sep = ch
				o.leading, _ = sep["allowLeading"].(bool)
			}
			o.re = casingRegexp(o)
			return o, nil
		},
		run: func(c *call) []finding {
			s, ok := c.in.str()
			if !ok || s == "" {
				return nil
			}
			o := c.opts.(casingOptions)
			if o.sep != "" && o.leading && s == o.sep {
				return nil
			}
			if o.re.MatchString(s) {
				return nil
			}
			return []finding{{message: c.printValue() + " is not " + o.kind + " case"}}
		}})
	register(&Function{Name: "length", Doc: "The length of a string, list or mapping (number of keys), or a number itself, lies within min and max.",
		Options: []Option{
			{Name: "min", Type: "number", Doc: "the smallest length allowed"},
			{Name: "max", Type: "number", Doc: "the largest length allowed"},
		},
		prep: func(m map[string]any) (any, error) {
			if len(m) == 0 {
				return nil, optErr(nil, `The function "length" needs min, max or both.`)
			}
			o := lengthOptions{min: math.Inf(-1), max: math.Inf(1)}
			if n, ok := m["min"].(json.Number); ok {
				o.min, _ = n.Float64()
			}
			if n, ok := m["max"].(json.Number); ok {
				o.max, _ = n.Float64()
			}
			return o, nil
		},
		run: func(c *call) []finding {
			n, ok := c.in.length()
			if !ok {
				return nil
			}
			o := c.opts.(lengthOptions)
			var out []finding
			if n < o.min {
				out = append(out, finding{message: fmt.Sprintf("%sis shorter than %s", c.nameOf(), formatNumber(o.min))})
			}
			if n > o.max {
				out = append(out, finding{message: fmt.Sprintf("%sis longer than %s", c.nameOf(), formatNumber(o.max))})
			}
			return out
		}})
	register(&Function{Name: "enumeration", Doc: "A string, number, boolean or null is one of the listed values.",
		Options: []Option{{Name: "values", Type: "array", Doc: "the values allowed (strings, numbers, booleans or null)", Required: true}},
		prep: func(m map[string]any) (any, error) {
			vals := m["values"].([]any)
			for i, v := range vals {
				switch v.(type) {
				case nil, bool, string, json.Number:
				default:
					return nil, optErr([]string{"values", strconv.Itoa(i)}, `The values of "enumeration" are strings, numbers, booleans or null.`)
				}
			}
			return vals, nil
		},
		run: func(c *call) []finding {
			v := c.in.js()
			if v.kind == jsUndefined || v.kind == jsObject || v.kind == jsArray {
				return nil
			}
			var shown []string
			for _, allowed := range c.opts.([]any) {
				if strictEqual(v, fromData(allowed)) {
					return nil
				}
				shown = append(shown, printData(allowed))
			}
			return []finding{{message: c.printValue() + " is not one of the allowed values: " + strings.Join(shown, ", ")}}
		}})
	register(&Function{Name: "alphabetical", Doc: "A list (or the keys of a mapping) is in alphabetical order; with keyedBy, a list of mappings is ordered by that key.",
		Options: []Option{{Name: "keyedBy", Type: "string", Doc: "the key whose values order a list of mappings"}},
		run:     runAlphabetical})
	for _, name := range []string{"xor", "or"} {
		exclusive := name == "xor"
		doc := "At least one of the properties is present."
		if exclusive {
			doc = "Exactly one of the properties is present."
		}
		register(&Function{Name: name, Doc: doc,
			Options: []Option{{Name: "properties", Type: "array", Doc: "the property names, at least two", Required: true}},
			prep: func(m map[string]any) (any, error) {
				props := m["properties"].([]any)
				var out []string
				for i, p := range props {
					s, ok := p.(string)
					if !ok {
						return nil, optErr([]string{"properties", strconv.Itoa(i)}, "The properties of %q are names (strings).", name)
					}
					out = append(out, s)
				}
				if len(out) < 2 {
					return nil, optErr([]string{"properties"}, "%q needs at least two properties.", name)
				}
				return out, nil
			},
			run: func(c *call) []finding {
				if c.in.js().kind != jsObject {
					return nil
				}
				props := c.opts.([]string)
				var present []string
				for _, ch := range c.v.children(c.in.at) {
					if slices.Contains(props, ch.path.last()) {
						present = append(present, ch.path.last())
					}
				}
				switch {
				case len(present) == 0:
					return []finding{{message: "One of " + quoteList(props, " or ") + " should be defined"}}
				case exclusive && len(present) > 1:
					return []finding{{message: "Only one of " + quoteList(present, " and ") + " should be defined"}}
				}
				return nil
			}})
	}
	register(&Function{Name: "typedEnum", Doc: "Every enum value of a schema has the schema's type.",
		run: runTypedEnum})
	register(&Function{Name: "unreferencedReusableObject", Doc: "Every reusable object under reusableObjectsLocation (such as #/components/schemas) is referenced somewhere.",
		Options: []Option{{Name: "reusableObjectsLocation", Type: "string", Doc: "a local JSON pointer such as #/components/schemas", Required: true}},
		prep: func(m map[string]any) (any, error) {
			loc := m["reusableObjectsLocation"].(string)
			if !strings.HasPrefix(loc, "#") || (len(loc) > 1 && loc[1] != '/') {
				return nil, optErr([]string{"reusableObjectsLocation"}, `reusableObjectsLocation is a local JSON pointer such as "#/components/schemas".`)
			}
			return loc, nil
		},
		run: runUnreferenced})
	registerSchema()
}

type patternOptions struct {
	match, notMatch       *regexp.Regexp
	matchSrc, notMatchSrc string
}

type lengthOptions struct{ min, max float64 }

var casingNames = []string{"flat", "camel", "pascal", "kebab", "cobol", "snake", "macro"}

type casingOptions struct {
	kind     string
	noDigits bool
	sep      string
	leading  bool
	re       *regexp.Regexp
}

// casingRegexp builds the expression a casing accepts: one word group per
// casing, groups joined by the separator when there is one.
func casingRegexp(o casingOptions) *regexp.Regexp {
	d := "0-9"
	if o.noDigits {
		d = ""
	}
	lower, upper := "[a-z"+d+"]", "[A-Z"+d+"]"
	var group string
	switch o.kind {
	case "flat":
		group = "[a-z]" + lower + "*"
	case "camel":
		group = "[a-z]" + lower + "*(?:" + upper + "(?:" + lower + "+|$))*"
	case "pascal":
		group = "[A-Z]" + lower + "*(?:" + upper + "(?:" + lower + "+|$))*"
	case "kebab":
		group = "[a-z]" + lower + "*(?:-" + lower + "+)*"
	case "cobol":
		group = "[A-Z]" + upper + "*(?:-" + upper + "+)*"
	case "snake":
		group = "[a-z]" + lower + "*(?:_" + lower + "+)*"
	case "macro":
		group = "[A-Z]" + upper + "*(?:_" + upper + "+)*"
	}
	if o.sep == "" {
		return regexp.MustCompile("^" + group + "$")
	}
	sep := "[" + regexp.QuoteMeta(o.sep) + "]"
	lead := ""
	if o.leading {
		lead = sep + "?"
	}
	return regexp.MustCompile("^" + lead + group + "(?:" + sep + group + ")*$")
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func quoteList(names []string, sep string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, sep)
}

// printData shows a plain value in a message.
func printData(d any) string {
	switch d := d.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(d)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(d)
}

// collators order strings as JavaScript's localeCompare does by default;
// a Collator keeps state between calls, and rules run in parallel.
var collators = sync.Pool{New: func() any { return collate.New(language.Und) }}

func runAlphabetical(c *call) []finding {
	v := c.in.js()
	if v.kind != jsObject && v.kind != jsArray {
		return nil
	}
	children := c.v.children(c.in.at)
	if len(children) < 2 {
		return nil
	}
	opts, _ := c.opts.(map[string]any)
	keyedBy, _ := opts["keyedBy"].(string)
	vals := make([]jsVal, len(children))
	for i, ch := range children {
		switch {
		case v.kind == jsObject:
			vals[i] = jsVal{kind: jsString, s: ch.path.last()}
		case keyedBy != "":
			if ch.node == nil || (ch.node.Kind != syntax.Mapping && ch.node.Kind != syntax.Sequence) {
				return []finding{{message: c.nameOf() + "should hold only mappings"}}
			}
			k, ok := c.v.field(ch, keyedBy)
			if ok {
				vals[i] = fromPlace(k)
			}
		default:
			vals[i] = fromPlace(ch)
		}
		if vals[i].kind != jsString && vals[i].kind != jsNumber {
			return []finding{{message: c.nameOf() + "should hold only strings and numbers"}}
		}
	}
	for i := 0; i+1 < len(vals); i++ {
		if compareSortable(vals[i], vals[i+1]) < 1 {
			continue
		}
		if keyedBy != "" {
			return []finding{{message: "The items should be sorted by " + strconv.Quote(keyedBy)}}
		}
		return []finding{{message: printJS(vals[i]) + " should come after " + printJS(vals[i+1]), sub: []string{children[i].path.last()}}}
	}
	return nil
}

// compareSortable compares two items as Spectral's alphabetical does:
// numerically when both read as numbers (a word before a number compares
// as NaN, never out of order), else by locale.
func compareSortable(a, b jsVal) int {
	numA := a.kind == jsNumber || math.IsNaN(a.toNumber())
	numB := b.kind == jsNumber || !math.IsNaN(b.toNumber())
	if numA && numB {
		d := a.toNumber() - b.toNumber()
		switch {
		case math.IsNaN(d):
			return 0
		case d > 0:
			return 1
		case d < 0:
			return -1
		}
		return 0
	}
	if a.kind != jsString || b.kind != jsString {
		return 0
	}
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a.s, b.s)
}

func printJS(v jsVal) string {
	if v.kind == jsString {
		return strconv.Quote(v.s)
	}
	return v.String()
}

func runTypedEnum(c *call) []finding {
	if c.in.js().kind != jsObject {
		return nil
	}
	enum, okEnum := c.v.field(c.in.at, "enum")
	typ, okType := c.v.field(c.in.at, "type")
	if !okEnum || !okType || enum.node.Kind != syntax.Sequence {
		return nil
	}
	var types []string
	switch t := fromPlace(typ); t.kind {
	case jsString:
		types = []string{t.s}
	case jsArray:
		for _, it := range c.v.children(typ) {
			s := fromPlace(it)
			if s.kind != jsString {
				return nil
			}
			types = append(types, s.s)
		}
	default:
		return nil
	}
	wantInteger := slices.Contains(types, "integer")
	var out []finding
	for i, it := range c.v.children(enum) {
		got := kindOf(it.node)
		if got == "number" && wantInteger {
			if f := fromPlace(it).n; f == math.Trunc(f) {
				got = "integer"
			}
		}
		if slices.Contains(types, got) {
			continue
		}
		out = append(out, finding{message: fmt.Sprintf("The enum value %s is not of type %s", printJS(fromPlace(it)), strings.Join(types, ", ")),
			sub: []string{"enum", strconv.Itoa(i)}})
	}
	return out
}

// utf16Len is a string's length as JavaScript counts it.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
