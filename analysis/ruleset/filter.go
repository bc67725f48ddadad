package ruleset

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"asyncapi-ls/analysis/syntax"
)

// A JavaScript filter of JSONPath-Plus ("[?(...)]"). RFC 9535 filters
// compare differently (no truthiness, no @property), so these are parsed
// and evaluated here, for the forms rulesets use: comparisons, && || !,
// parentheses, "in", typeof, member access on @ (also @property, @path,
// @parent, @parentProperty, @root / $), string methods (startsWith,
// endsWith, includes, match, indexOf, toLowerCase, toUpperCase, trim),
// .length, regular expression literals and their test method. Anything
// else is refused when the ruleset loads.
type filter struct {
	src  string
	expr jsExpr
}

// test evaluates the filter for child c of parent.
func (f *filter) test(v *view, c place, parent place) bool {
	return f.expr.eval(&jsScope{v: v, cur: c, parent: parent}).truthy()
}

type jsScope struct {
	v      *view
	cur    place
	parent place
}

// jsVal is a JavaScript value: primitives by value, objects and arrays as
// places of the document.
type jsVal struct {
	kind jsKind
	s    string
	n    float64
	b    bool
	p    place
	re   *regexp.Regexp
	list []jsVal // a match() result or other computed array
}

type jsKind uint8

const (
	jsUndefined jsKind = iota
	jsNull
	jsBool
	jsNumber
	jsString
	jsObject
	jsArray
	jsRegexp
)

func (x jsVal) truthy() bool {
	switch x.kind {
	case jsUndefined, jsNull:
		return false
	case jsBool:
		return x.b
	case jsNumber:
		return x.n != 0 && !math.IsNaN(x.n)
	case jsString:
		return x.s != ""
	}
	return true
}

// fromPlace turns a document value into a JavaScript value.
func fromPlace(p place) jsVal {
	n := p.node
	if n == nil {
		return jsVal{}
	}
	switch n.Kind {
	case syntax.Mapping:
		return jsVal{kind: jsObject, p: p}
	case syntax.Sequence:
		return jsVal{kind: jsArray, p: p}
	}
	d, _ := n.Data()
	return fromData(d)
}

func fromData(d any) jsVal {
	switch d := d.(type) {
	case nil:
		return jsVal{kind: jsNull}
	case bool:
		return jsVal{kind: jsBool, b: d}
	case json.Number:
		f, _ := d.Float64()
		return jsVal{kind: jsNumber, n: f}
	case string:
		return jsVal{kind: jsString, s: d}
	}
	return jsVal{}
}

func (x jsVal) toNumber() float64 {
	switch x.kind {
	case jsNull:
		return 0
	case jsBool:
		if x.b {
			return 1
		}
		return 0
	case jsNumber:
		return x.n
	case jsString:
		t := strings.TrimSpace(x.s)
		if t == "" {
			return 0
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return math.NaN()
		}
		return f
	}
	return math.NaN()
}

func (x jsVal) String() string {
	switch x.kind {
	case jsUndefined:
		return "undefined"
	case jsNull:
		return "null"
	case jsBool:
		return strconv.FormatBool(x.b)
	case jsNumber:
		return strconv.FormatFloat(x.n, 'f', -1, 64)
	case jsString:
		return x.s
	case jsArray:
		return "[array]"
	case jsRegexp:
		return "/" + x.re.String() + "/"
	}
	return "[object Object]"
}

func strictEqual(a, b jsVal) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case jsUndefined, jsNull:
		return true
	case jsBool:
		return a.b == b.b
	case jsNumber:
		return a.n == b.n
	case jsString:
		return a.s == b.s
	case jsObject, jsArray:
		return a.p.node == b.p.node && a.p.node != nil
	}
	return false
}

func looseEqual(a, b jsVal) bool {
	if a.kind == b.kind {
		return strictEqual(a, b)
	}
	nullish := func(x jsVal) bool { return x.kind == jsNull || x.kind == jsUndefined }
	switch {
	case nullish(a) || nullish(b):
		return nullish(a) && nullish(b)
	case a.kind == jsObject || a.kind == jsArray || b.kind == jsObject || b.kind == jsArray:
		return a.String() == b.String()
	}
	return a.toNumber() == b.toNumber()
}

type jsExpr interface {
	eval(s *jsScope) jsVal
}

// Parsing: a small precedence-climbing parser over the filter text.

type jsParser struct {
	src string
	i   int
}

func parseFilter(src string) (*filter, error) {
	p := &jsParser{src: src}
	e, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.src) {
		return nil, p.fail(fmt.Sprintf("unexpected %q", p.src[p.i:]))
	}
	return &filter{src: src, expr: e}, nil
}

func (p *jsParser) fail(msg string) error { return &PathError{Offset: p.i, Msg: msg} }

func (p *jsParser) space() {
	for p.i < len(p.src) && strings.ContainsRune(" \t\n\r", rune(p.src[p.i])) {
		p.i++
	}
}

func (p *jsParser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.src[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *jsParser) parseOr() (jsExpr, error) {
	left, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for p.eat("||") {
		right, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		left = jsLogic{or: true, a: left, b: right}
	}
	return left, nil
}

func (p *jsParser) parseAnd() (jsExpr, error) {
	left, err := p.parseCompare()
	if err != nil {
		return nil, err
	}
	for p.eat("&&") {
		right, err := p.parseCompare()
		if err != nil {
			return nil, err
		}
		left = jsLogic{a: left, b: right}
	}
	return left, nil
}

var compareOps = []string{"===", "!==", "==", "!=", "<=", ">=", "<", ">"}

func (p *jsParser) parseCompare() (jsExpr, error) {
	left, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	p.space()
	for _, op := range compareOps {
		if strings.HasPrefix(p.src[p.i:], op) {
			p.i += len(op)
			right, err := p.parseUnary()
			if err != nil {
				return nil, err
			}
			return jsCompare{op: op, a: left, b: right}, nil
		}
	}
	if p.keyword("in") {
		right, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return jsIn{key: left, obj: right}, nil
	}
	return left, nil
}

// keyword consumes an identifier-like word when it stands alone.
func (p *jsParser) keyword(w string) bool {
	p.space()
	if !strings.HasPrefix(p.src[p.i:], w) {
		return false
	}
	if j := p.i + len(w); j < len(p.src) && isIdent(p.src[j]) {
		return false
	}
	p.i += len(w)
	return true
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c == '@' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func (p *jsParser) parseUnary() (jsExpr, error) {
	p.space()
	if p.eat("!") {
		e, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return jsNot{e}, nil
	}
	if p.keyword("typeof") {
		e, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return jsTypeof{e}, nil
	}
	return p.parseMember()
}

func (p *jsParser) parseMember() (jsExpr, error) {
	e, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	for {
		p.space()
		switch {
		case p.eat("?."), p.eat("."):
			name := p.ident()
			if name == "" {
				return nil, p.fail("a property name is expected after the dot")
			}
			if p.eat("(") {
				args, err := p.parseArgs()
				if err != nil {
					return nil, err
				}
				if !knownMethods[name] {
					return nil, p.fail(fmt.Sprintf("the method %q is not supported in filters", name))
				}
				e = jsCall{recv: e, method: name, args: args}
				continue
			}
			e = jsMember{obj: e, name: jsLit{jsVal{kind: jsString, s: name}}}
		case p.eat("["):
			idx, err := p.parseOr()
			if err != nil {
				return nil, err
			}
			if !p.eat("]") {
				return nil, p.fail(`"]" expected`)
			}
			e = jsMember{obj: e, name: idx}
		default:
			return e, nil
		}
	}
}

var knownMethods = map[string]bool{"startsWith": true, "endsWith": true, "includes": true, "match": true,
	"indexOf": true, "toLowerCase": true, "toUpperCase": true, "trim": true, "test": true, "isArray": true}

func (p *jsParser) parseArgs() ([]jsExpr, error) {
	var args []jsExpr
	if p.eat(")") {
		return nil, nil
	}
	for {
		a, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.eat(")") {
			return args, nil
		}
		if !p.eat(",") {
			return nil, p.fail(`"," or ")" expected`)
		}
	}
}

func (p *jsParser) ident() string {
	p.space()
	start := p.i
	for p.i < len(p.src) && isIdent(p.src[p.i]) {
		p.i++
	}
	return p.src[start:p.i]
}

func (p *jsParser) parsePrimary() (jsExpr, error) {
	p.space()
	if p.i >= len(p.src) {
		return nil, p.fail("the expression ends too early")
	}
	c := p.src[p.i]
	switch {
	case c == '(':
		p.i++
		e, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, p.fail(`")" expected`)
		}
		return e, nil
	case c == '\'' || c == '"':
		end := skipString(p.src, p.i)
		if end < 0 {
			return nil, p.fail("unterminated string")
		}
		s, err := unquoteJS(p.src[p.i : end+1])
		if err != nil {
			return nil, p.fail(err.Error())
		}
		p.i = end + 1
		return jsLit{jsVal{kind: jsString, s: s}}, nil
	case c == '/':
		end := skipRegexp(p.src, p.i)
		if end <= p.i {
			return nil, p.fail("unterminated regular expression")
		}
		body := p.src[p.i+1 : end]
		p.i = end + 1
		flags := p.ident()
		re, err := compileJSRegexp(body, flags)
		if err != nil {
			return nil, p.fail(err.Error())
		}
		return jsLit{jsVal{kind: jsRegexp, re: re}}, nil
	case c == '-' || ('0' <= c && c <= '9'):
		start := p.i
		p.i++
		for p.i < len(p.src) && strings.ContainsRune("0123456789.eE+-", rune(p.src[p.i])) {
			p.i++
		}
		f, err := strconv.ParseFloat(p.src[start:p.i], 64)
		if err != nil {
			p.i = start
			return nil, p.fail("invalid number")
		}
		return jsLit{jsVal{kind: jsNumber, n: f}}, nil
	}
	start := p.i
	word := p.ident()
	switch word {
	case "true", "false":
		return jsLit{jsVal{kind: jsBool, b: word == "true"}}, nil
	case "null":
		return jsLit{jsVal{kind: jsNull}}, nil
	case "undefined":
		return jsLit{jsVal{}}, nil
	case "@", "@property", "@path", "@parent", "@parentProperty", "@root", "$", "Array":
		return jsVar(word), nil
	case "@string", "@number", "@integer", "@boolean", "@null", "@array", "@object", "@scalar":
		if !p.eat("(") || !p.eat(")") {
			return nil, p.fail(fmt.Sprintf("%s is called without arguments: %s()", word, word))
		}
		return jsTypeTest(word), nil
	case "":
		return nil, p.fail(fmt.Sprintf("unexpected %q", string(c)))
	}
	p.i = start
	return nil, p.fail(fmt.Sprintf("%q is not supported in filters (use @, @property, @path, @parent, @parentProperty or @root)", word))
}

func unquoteJS(s string) (string, error) {
	if s[0] == '\'' {
		inner := strings.ReplaceAll(s[1:len(s)-1], `\'`, `'`)
		inner = strings.ReplaceAll(inner, `"`, `\"`)
		s = `"` + inner + `"`
	}
	out, err := strconv.Unquote(s)
	if err != nil {
		return "", fmt.Errorf("invalid string %s", s)
	}
	return out, nil
}

// Evaluation.

type jsLit struct{ v jsVal }

func (e jsLit) eval(*jsScope) jsVal { return e.v }

type jsVar string

func (e jsVar) eval(s *jsScope) jsVal {
	switch e {
	case "@":
		return fromPlace(s.cur)
	case "@property":
		if s.cur.path != nil && s.cur.path.index >= 0 {
			return jsVal{kind: jsNumber, n: float64(s.cur.path.index)}
		}
		return jsVal{kind: jsString, s: s.cur.path.last()}
	case "@path":
		return jsVal{kind: jsString, s: plusPath(s.cur.path)}
	case "@parent":
		return fromPlace(s.parent)
	case "@parentProperty":
		if s.parent.path == nil {
			return jsVal{}
		}
		if s.parent.path.index >= 0 {
			return jsVal{kind: jsNumber, n: float64(s.parent.path.index)}
		}
		return jsVal{kind: jsString, s: s.parent.path.last()}
	case "@root", "$":
		return fromPlace(s.v.rootPlace())
	}
	return jsVal{kind: jsObject} // Array: only Array.isArray is callable
}

// plusPath writes a path as JSONPath-Plus gives @path: $['a']['b'][0].
func plusPath(seg *segment) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, t := range seg.tokens() {
		if _, err := strconv.Atoi(t); err == nil {
			b.WriteString("[" + t + "]")
			continue
		}
		b.WriteString("['" + t + "']")
	}
	return b.String()
}

// typeShorthands are JSONPath-Plus's type tests, "@string()" and the like,
// usable in filters and as a step of a path.
var typeShorthands = map[string]bool{"@string": true, "@number": true, "@integer": true, "@boolean": true,
	"@null": true, "@array": true, "@object": true, "@scalar": true}

// jsTypeTest is one of typeShorthands: whether @ holds a value of that type,
// with JavaScript's typeof underneath (@object is any non-null object,
// arrays included; @scalar anything else).
type jsTypeTest string

func (e jsTypeTest) eval(s *jsScope) jsVal {
	v := fromPlace(s.cur)
	var ok bool
	switch e {
	case "@string":
		ok = v.kind == jsString
	case "@number":
		ok = v.kind == jsNumber
	case "@integer":
		ok = v.kind == jsNumber && v.n == math.Trunc(v.n) && !math.IsInf(v.n, 0)
	case "@boolean":
		ok = v.kind == jsBool
	case "@null":
		ok = v.kind == jsNull
	case "@array":
		ok = v.kind == jsArray
	case "@object":
		ok = v.kind == jsObject || v.kind == jsArray
	case "@scalar":
		ok = v.kind != jsObject && v.kind != jsArray
	}
	return jsVal{kind: jsBool, b: ok}
}

type jsMember struct {
	obj  jsExpr
	name jsExpr
}

func (e jsMember) eval(s *jsScope) jsVal {
	o := e.obj.eval(s)
	name := e.name.eval(s).String()
	switch o.kind {
	case jsObject, jsArray:
		if o.p.node == nil {
			return jsVal{}
		}
		if name == "length" && o.kind == jsArray {
			return jsVal{kind: jsNumber, n: float64(len(o.p.node.Items))}
		}
		c, ok := s.v.field(o.p, name)
		if !ok {
			return jsVal{}
		}
		return fromPlace(c)
	case jsString:
		if name == "length" {
			return jsVal{kind: jsNumber, n: float64(len(utf16.Encode([]rune(o.s))))}
		}
	case jsRegexp:
		return jsVal{}
	}
	if o.list != nil {
		if name == "length" {
			return jsVal{kind: jsNumber, n: float64(len(o.list))}
		}
		if i, err := strconv.Atoi(name); err == nil && i >= 0 && i < len(o.list) {
			return o.list[i]
		}
	}
	return jsVal{}
}

type jsCall struct {
	recv   jsExpr
	method string
	args   []jsExpr
}

func (e jsCall) eval(s *jsScope) jsVal {
	recv := e.recv.eval(s)
	args := make([]jsVal, len(e.args))
	for i, a := range e.args {
		args[i] = a.eval(s)
	}
	arg := func(i int) jsVal {
		if i < len(args) {
			return args[i]
		}
		return jsVal{}
	}
	boolean := func(b bool) jsVal { return jsVal{kind: jsBool, b: b} }
	switch {
	case e.method == "isArray":
		return boolean(arg(0).kind == jsArray)
	case recv.kind == jsRegexp && e.method == "test":
		return boolean(recv.re.MatchString(arg(0).String()))
	case recv.kind == jsString:
		str := recv.s
		switch e.method {
		case "startsWith":
			return boolean(strings.HasPrefix(str, arg(0).String()))
		case "endsWith":
			return boolean(strings.HasSuffix(str, arg(0).String()))
		case "includes":
			return boolean(strings.Contains(str, arg(0).String()))
		case "indexOf":
			return jsVal{kind: jsNumber, n: float64(strings.Index(str, arg(0).String()))}
		case "toLowerCase":
			return jsVal{kind: jsString, s: strings.ToLower(str)}
		case "toUpperCase":
			return jsVal{kind: jsString, s: strings.ToUpper(str)}
		case "trim":
			return jsVal{kind: jsString, s: strings.TrimSpace(str)}
		case "match":
			re := arg(0).re
			if arg(0).kind != jsRegexp {
				var err error
				if re, err = compileJSRegexp(arg(0).String(), ""); err != nil {
					return jsVal{kind: jsNull}
				}
			}
			m := re.FindStringSubmatch(str)
			if m == nil {
				return jsVal{kind: jsNull}
			}
			out := jsVal{kind: jsArray}
			for _, g := range m {
				out.list = append(out.list, jsVal{kind: jsString, s: g})
			}
			return out
		}
	case recv.kind == jsArray && recv.p.node != nil:
		switch e.method {
		case "includes", "indexOf":
			for i, it := range s.v.children(recv.p) {
				if strictEqual(fromPlace(it), arg(0)) {
					if e.method == "includes" {
						return boolean(true)
					}
					return jsVal{kind: jsNumber, n: float64(i)}
				}
			}
			if e.method == "includes" {
				return boolean(false)
			}
			return jsVal{kind: jsNumber, n: -1}
		}
	}
	return jsVal{} // calling a method the value lacks: a TypeError in JavaScript, no match here
}

type jsLogic struct {
	or   bool
	a, b jsExpr
}

func (e jsLogic) eval(s *jsScope) jsVal {
	a := e.a.eval(s)
	if a.truthy() == e.or {
		return a
	}
	return e.b.eval(s)
}

type jsNot struct{ e jsExpr }

func (e jsNot) eval(s *jsScope) jsVal { return jsVal{kind: jsBool, b: !e.e.eval(s).truthy()} }

type jsTypeof struct{ e jsExpr }

func (e jsTypeof) eval(s *jsScope) jsVal {
	v := e.e.eval(s)
	t := "object"
	switch v.kind {
	case jsUndefined:
		t = "undefined"
	case jsBool:
		t = "boolean"
	case jsNumber:
		t = "number"
	case jsString:
		t = "string"
	}
	return jsVal{kind: jsString, s: t}
}

type jsIn struct{ key, obj jsExpr }

func (e jsIn) eval(s *jsScope) jsVal {
	o := e.obj.eval(s)
	if o.kind != jsObject && o.kind != jsArray {
		return jsVal{kind: jsBool}
	}
	_, ok := s.v.field(o.p, e.key.eval(s).String())
	return jsVal{kind: jsBool, b: ok}
}

type jsCompare struct {
	op   string
	a, b jsExpr
}

func (e jsCompare) eval(s *jsScope) jsVal {
	a, b := e.a.eval(s), e.b.eval(s)
	var r bool
	switch e.op {
	case "===":
		r = strictEqual(a, b)
	case "!==":
		r = !strictEqual(a, b)
	case "==":
		r = looseEqual(a, b)
	case "!=":
		r = !looseEqual(a, b)
	default:
		if a.kind == jsString && b.kind == jsString {
			c := strings.Compare(a.s, b.s)
			r = map[string]bool{"<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[e.op]
		} else {
			x, y := a.toNumber(), b.toNumber()
			r = map[string]bool{"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[e.op]
		}
	}
	return jsVal{kind: jsBool, b: r}
}
