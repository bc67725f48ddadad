package payload

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bufbuild/protocompile/ast"
	"github.com/bufbuild/protocompile/parser"
	"github.com/bufbuild/protocompile/reporter"
)

// CheckProtobuf validates a Protobuf payload (the text of a .proto file) as
// the official Protobuf schema parser reads it with protobufjs: the syntax
// (parsed with protocompile, the Buf compiler's parser), the syntax or
// edition named, imports (only those it bundles: google/protobuf/*,
// google/type/*, validate rules), names and field numbers each used once,
// reserved numbers and names, field types that resolve, and the message the
// payload stands for: the one message no other uses, or the one marked
// @RootNode in its comment. Offsets of the problems are in text.
func CheckProtobuf(text string) []Problem {
	var problems []Problem
	rep := reporter.NewReporter(func(err reporter.ErrorWithPos) error {
		pos := err.GetPosition()
		msg := err.Unwrap().Error()
		problems = append(problems, Problem{Start: pos.Offset, End: tokenEnd(text, pos.Offset), Message: "Protobuf " + msg + "."})
		return nil // keep going: report every syntax error
	}, nil)
	file, err := parser.Parse("payload.proto", strings.NewReader(text), reporter.NewHandler(rep))
	if err != nil && len(problems) == 0 {
		var pe reporter.ErrorWithPos
		if !errors.As(err, &pe) {
			return []Problem{{Start: 0, End: tokenEnd(text, 0), Message: "Protobuf: " + err.Error() + "."}}
		}
	}
	if len(problems) > 0 || file == nil {
		return problems
	}
	c := &protoChecker{file: file, text: text, scopes: map[string]*protoScope{}}
	c.check()
	return c.problems
}

// tokenEnd is the end of the token (or the line) starting at offset.
func tokenEnd(text string, offset int) int {
	if offset >= len(text) {
		return len(text)
	}
	end := offset
	for end < len(text) && !strings.ContainsRune(" \t\r\n;{}()[]=<>,", rune(text[end])) {
		end++
	}
	if end == offset {
		end++
	}
	return end
}

var protoScalars = []string{"double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
	"fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"}

// protoBundled are the imports the official Protobuf schema parser brings
// with it, and the types they define.
var protoBundled = map[string][]string{
	"google/protobuf/any.proto":        {"google.protobuf.Any"},
	"google/protobuf/duration.proto":   {"google.protobuf.Duration"},
	"google/protobuf/timestamp.proto":  {"google.protobuf.Timestamp"},
	"google/protobuf/empty.proto":      {"google.protobuf.Empty"},
	"google/protobuf/struct.proto":     {"google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.NullValue", "google.protobuf.ListValue"},
	"google/protobuf/field_mask.proto": {"google.protobuf.FieldMask"},
	"google/protobuf/wrappers.proto": {"google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
		"google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.BoolValue",
		"google.protobuf.StringValue", "google.protobuf.BytesValue"},
	"google/type/calendar_period.proto": {"google.type.CalendarPeriod"},
	"google/type/color.proto":           {"google.type.Color"},
	"google/type/date.proto":            {"google.type.Date"},
	"google/type/datetime.proto":        {"google.type.DateTime", "google.type.TimeZone"},
	"google/type/dayofweek.proto":       {"google.type.DayOfWeek"},
	"google/type/decimal.proto":         {"google.type.Decimal"},
	"google/type/expr.proto":            {"google.type.Expr"},
	"google/type/fraction.proto":        {"google.type.Fraction"},
	"google/type/interval.proto":        {"google.type.Interval"},
	"google/type/latlng.proto":          {"google.type.LatLng"},
	"google/type/localized_text.proto":  {"google.type.LocalizedText"},
	"google/type/money.proto":           {"google.type.Money"},
	"google/type/month.proto":           {"google.type.Month"},
	"google/type/phone_number.proto":    {"google.type.PhoneNumber", "google.type.PhoneNumber.ShortCode"},
	"google/type/postal_address.proto":  {"google.type.PostalAddress"},
	"google/type/quaternion.proto":      {"google.type.Quaternion"},
	"google/type/timeofday.proto":       {"google.type.TimeOfDay"},
	"validate/validate.proto":           nil,
	"buf/validate/validate.proto":       nil,
}

// bundledImport names the bundled file an import stands for, as the parser
// matches it (a path ending in google/protobuf/… or google/type/…).
func bundledImport(name string) (string, bool) {
	name = strings.TrimPrefix(name, "/")
	if _, ok := protoBundled[name]; ok {
		return name, true
	}
	for _, dir := range []string{"google/protobuf/", "google/type/"} {
		if i := strings.LastIndex(name, dir); i >= 0 {
			if _, ok := protoBundled[name[i:]]; ok {
				return name[i:], true
			}
		}
	}
	return "", false
}

// protoScope is a namespace: the package's parts, a message, an enum.
type protoScope struct {
	full     string
	parent   *protoScope
	children map[string]*protoScope
	isType   bool // a message or an enum (fields may name it)
	message  *ast.MessageNode
}

type protoChecker struct {
	file     *ast.FileNode
	text     string
	scopes   map[string]*protoScope // by full name
	root     *protoScope
	messages []*protoScope // declared in this text, in order
	problems []Problem
}

func (c *protoChecker) fail(n ast.Node, format string, args ...any) {
	info := c.file.NodeInfo(n)
	// End's offset is that of the last character (its column is the one after).
	end := min(info.End().Offset+1, len(c.text))
	c.problems = append(c.problems, Problem{Start: info.Start().Offset, End: end, Message: fmt.Sprintf(format, args...)})
}

// scope returns the namespace full (made with its parents when missing).
func (c *protoChecker) scope(full string) *protoScope {
	if s := c.scopes[full]; s != nil {
		return s
	}
	s := &protoScope{full: full, children: map[string]*protoScope{}}
	c.scopes[full] = s
	if full != "" {
		parentName, name := "", full
		if i := strings.LastIndex(full, "."); i >= 0 {
			parentName, name = full[:i], full[i+1:]
		}
		s.parent = c.scope(parentName)
		s.parent.children[name] = s
	}
	return s
}

func (c *protoChecker) check() {
	c.root = c.scope("")
	pkg := ""
	if sn := c.file.Syntax; sn != nil {
		if v := sn.Syntax.AsString(); v != "proto2" && v != "proto3" {
			c.fail(sn.Syntax, "Unknown Protobuf syntax %q: proto2 or proto3.", v)
		}
	}
	if en := c.file.Edition; en != nil {
		if v := en.Edition.AsString(); v != "2023" && v != "2024" {
			c.fail(en.Edition, "Unknown Protobuf edition %q.", v)
		}
	}
	for _, d := range c.file.Decls {
		switch d := d.(type) {
		case *ast.PackageNode:
			pkg = string(d.Name.AsIdentifier())
		case *ast.ImportNode:
			name := d.Name.AsString()
			bundled, ok := bundledImport(name)
			switch {
			case ok:
				for _, t := range protoBundled[bundled] {
					c.scope(t).isType = true
				}
			case d.Weak == nil:
				c.fail(d.Name, "The Protobuf schema parser cannot import %q: it brings only google/protobuf/*, google/type/* and the validate rules; put the types in this payload.", name)
			}
		}
	}
	c.declare(c.scope(pkg), c.file.Decls)
	for _, d := range c.file.Decls {
		if e, ok := d.(*ast.EnumNode); ok {
			c.checkEnum(e)
		}
	}
	for _, m := range c.messages {
		c.checkMessage(m)
	}
	for _, d := range c.file.Decls {
		if svc, ok := d.(*ast.ServiceNode); ok {
			for _, sd := range svc.Decls {
				if rpc, ok := sd.(*ast.RPCNode); ok {
					c.resolve(c.scope(pkg), rpc.Input.MessageType)
					c.resolve(c.scope(pkg), rpc.Output.MessageType)
				}
			}
		}
	}
	if len(c.problems) == 0 {
		c.rootMessage()
	}
}

// declare makes the scopes of the messages and enums in decls.
func (c *protoChecker) declare(in *protoScope, decls any) {
	visit := func(n ast.Node) {
		var name *ast.IdentNode
		var msg *ast.MessageNode
		switch d := n.(type) {
		case *ast.MessageNode:
			name, msg = d.Name, d
		case *ast.EnumNode:
			name = d.Name
		case *ast.GroupNode:
			name = d.Name
		default:
			return
		}
		full := joinName(in.full, name.Val)
		if s := c.scopes[full]; s != nil && s.isType {
			c.fail(name, "The Protobuf name %q is declared twice in %s.", name.Val, scopeName(in))
			return
		}
		s := c.scope(full)
		s.isType, s.message = true, msg
		if msg != nil {
			c.messages = append(c.messages, s)
			c.declare(s, msg.Decls)
		}
	}
	switch ds := decls.(type) {
	case []ast.FileElement:
		for _, d := range ds {
			visit(d)
		}
	case []ast.MessageElement:
		for _, d := range ds {
			visit(d)
			if o, ok := d.(*ast.OneofNode); ok {
				for _, od := range o.Decls {
					if g, ok := od.(*ast.GroupNode); ok {
						visit(g)
					}
				}
			}
		}
	}
}

func joinName(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func scopeName(s *protoScope) string {
	if s.full == "" {
		return "the file"
	}
	return s.full
}

// messageFields lists the fields of a message, oneof members included.
func messageFields(m *ast.MessageNode) []ast.Node {
	var out []ast.Node
	for _, d := range m.Decls {
		switch d := d.(type) {
		case *ast.FieldNode, *ast.MapFieldNode, *ast.GroupNode:
			out = append(out, d)
		case *ast.OneofNode:
			for _, od := range d.Decls {
				switch od := od.(type) {
				case *ast.FieldNode, *ast.GroupNode:
					out = append(out, od)
				}
			}
		}
	}
	return out
}

func (c *protoChecker) checkMessage(s *protoScope) {
	m := s.message
	names := map[string]bool{}
	for name, child := range s.children {
		if child.isType {
			names[name] = true
		}
	}
	numbers := map[uint64]bool{}
	var reservedNums [][2]uint64
	reservedNames := map[string]bool{}
	for _, d := range m.Decls {
		r, ok := d.(*ast.ReservedNode)
		if !ok {
			continue
		}
		for _, rg := range r.Ranges {
			lo, _ := rg.StartVal.AsUint64()
			hi := lo
			if rg.EndVal != nil {
				hi, _ = rg.EndVal.AsUint64()
			} else if rg.Max != nil {
				hi = 1<<29 - 1
			}
			reservedNums = append(reservedNums, [2]uint64{lo, hi})
		}
		for _, n := range r.Names {
			reservedNames[n.AsString()] = true
		}
		for _, n := range r.Identifiers {
			reservedNames[n.Val] = true
		}
	}
	for _, f := range messageFields(m) {
		var name *ast.IdentNode
		var tag *ast.UintLiteralNode
		var types []ast.IdentValueNode
		switch f := f.(type) {
		case *ast.FieldNode:
			name, tag, types = f.Name, f.Tag, []ast.IdentValueNode{f.FldType}
		case *ast.MapFieldNode:
			name, tag, types = f.Name, f.Tag, []ast.IdentValueNode{f.MapType.ValueType}
		case *ast.GroupNode:
			name, tag = f.Name, f.Tag
		}
		if name == nil || tag == nil {
			continue
		}
		fieldName := name.Val
		if _, isGroup := f.(*ast.GroupNode); isGroup {
			fieldName = strings.ToLower(fieldName) // the group's type keeps the name
		}
		if names[fieldName] {
			c.fail(name, "The name %q is used twice in the Protobuf message %s.", fieldName, s.full)
		}
		names[fieldName] = true
		num := tag.Val
		switch {
		case numbers[num]:
			c.fail(tag, "The field number %d is used twice in the Protobuf message %s.", num, s.full)
		case reservedNames[fieldName]:
			c.fail(name, "The name %q is reserved in the Protobuf message %s.", fieldName, s.full)
		}
		for _, rg := range reservedNums {
			if num >= rg[0] && num <= rg[1] {
				c.fail(tag, "The field number %d is reserved in the Protobuf message %s.", num, s.full)
			}
		}
		numbers[num] = true
		for _, t := range types {
			c.resolve(s, t)
		}
	}
	for _, d := range m.Decls {
		if e, ok := d.(*ast.EnumNode); ok {
			c.checkEnum(e)
		}
	}
}

func (c *protoChecker) checkEnum(e *ast.EnumNode) {
	alias := false
	for _, d := range e.Decls {
		if o, ok := d.(*ast.OptionNode); ok && o.Name != nil && len(o.Name.Parts) == 1 && o.Name.Parts[0].Name.AsIdentifier() == "allow_alias" {
			alias = fmt.Sprint(o.Val.Value()) == "true"
		}
	}
	seen := map[int64]bool{}
	for _, d := range e.Decls {
		v, ok := d.(*ast.EnumValueNode)
		if !ok || v.Number == nil {
			continue
		}
		n, _ := v.Number.Value().(int64)
		if u, isU := v.Number.Value().(uint64); isU {
			n = int64(u)
		}
		if seen[n] && !alias {
			c.fail(v.Number, "The value %d is used twice in the Protobuf enum %s (allow it with option allow_alias = true).", n, e.Name.Val)
		}
		seen[n] = true
	}
}

// resolve looks a field's type up as protobufjs does: in the message, then
// in each enclosing scope; a leading dot starts at the root.
func (c *protoChecker) resolve(from *protoScope, t ast.IdentValueNode) {
	name := string(t.AsIdentifier())
	if slices.Contains(protoScalars, name) {
		return
	}
	if strings.HasPrefix(name, ".") {
		if s := c.scopes[name[1:]]; s != nil && s.isType {
			return
		}
	} else {
		for sc := from; sc != nil; sc = sc.parent {
			if s := c.scopes[joinName(sc.full, name)]; s != nil && s.isType {
				return
			}
		}
	}
	where := from.full
	if where == "" {
		where = "this payload"
	}
	c.fail(t, "Unknown Protobuf type %q in %s: define it in this payload or import a file the parser bundles.", name, where)
}

// rootMessage finds the message the payload stands for, as the parser
// does: a message of this text that no other message uses as a field type
// (written as the simple name), or, among several, the one whose comment
// holds @RootNode.
func (c *protoChecker) rootMessage() {
	usedBy := map[string]map[string]bool{}
	for _, m := range c.messages {
		simple := m.message.Name.Val
		for _, f := range messageFields(m.message) {
			var t string
			switch f := f.(type) {
			case *ast.FieldNode:
				t = string(f.FldType.AsIdentifier())
			case *ast.MapFieldNode:
				t = string(f.MapType.ValueType.AsIdentifier())
			case *ast.GroupNode:
				t = f.Name.Val
			}
			if usedBy[t] == nil {
				usedBy[t] = map[string]bool{}
			}
			usedBy[t][simple] = true
		}
	}
	var roots []*protoScope
	for _, m := range c.messages {
		simple := m.message.Name.Val
		if users := usedBy[simple]; users != nil && (len(users) > 1 || !users[simple]) {
			continue
		}
		roots = append(roots, m)
	}
	switch {
	case len(c.messages) == 0:
		at := ast.Node(c.file)
		c.problems = append(c.problems, Problem{Start: c.file.NodeInfo(at).Start().Offset, End: tokenEnd(c.text, c.file.NodeInfo(at).Start().Offset),
			Message: "This Protobuf payload declares no message: the payload is the message that no other message uses."})
	case len(roots) == 0:
		c.fail(c.messages[0].message.Name, "Every Protobuf message here is used by another, so none stands for the payload: the parser takes the message no other message uses.")
	case len(roots) > 1:
		for _, r := range roots {
			if strings.Contains(c.leadingComments(r.message), "@RootNode") {
				return
			}
		}
		var names []string
		for _, r := range roots {
			names = append(names, r.message.Name.Val)
		}
		for _, r := range roots {
			c.fail(r.message.Name, "Several Protobuf messages here are used by no other (%s), so the parser cannot tell which one is the payload: mark it with a // @RootNode comment.", strings.Join(names, ", "))
		}
	}
}

func (c *protoChecker) leadingComments(m *ast.MessageNode) string {
	cs := c.file.NodeInfo(m.Keyword).LeadingComments()
	var b strings.Builder
	for i := 0; i < cs.Len(); i++ {
		b.WriteString(cs.Index(i).RawText())
	}
	return b.String()
}
