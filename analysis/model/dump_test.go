package model_test

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
)

// dump writes a model as text, one element a line, children indented: the
// golden form. A definition already written is named again, not expanded.
// Paths of unreadable files under root are written relative to the
// document, others as they are, so that goldens do not depend on where the
// repository is.
func dump(m *model.Model, root string) string {
	d := &dumper{m: m, root: root, expanded: map[string]bool{}}
	fmt.Fprintf(&d.b, "asyncapi %s", q(m.Version.Value))
	field(&d.b, "id", m.ID)
	field(&d.b, "defaultContentType", m.DefaultContentType)
	d.b.WriteString("\n")
	if m.Info != nil {
		d.element(m.Info, 0)
	}
	for _, s := range m.Servers {
		d.element(s, 0)
	}
	for _, c := range m.Channels {
		d.element(c, 0)
	}
	for _, o := range m.Operations {
		d.element(o, 0)
	}
	if m.Components != nil {
		d.element(m.Components, 0)
	}
	for _, t := range m.Tags {
		d.element(t, 0)
	}
	if m.ExternalDocs != nil {
		d.element(m.ExternalDocs, 0)
	}
	broken := 0
	for _, r := range m.Refs() {
		if r.Err != nil {
			broken++
			fmt.Fprintf(&d.b, "broken $ref %s at %s: %s\n", q(r.Node.Value), d.loc(r.At), d.problem(r.Err))
		}
	}
	fmt.Fprintf(&d.b, "references: %d followed, %d broken; files read: %s\n", len(m.Refs()), broken, d.files())
	return d.b.String()
}

type dumper struct {
	m        *model.Model
	root     string
	b        strings.Builder
	expanded map[string]bool
}

func (d *dumper) files() string {
	var out []string
	for _, f := range d.m.Files() {
		out = append(out, d.rel(f))
	}
	if out == nil {
		return "none"
	}
	return strings.Join(out, ", ")
}

// problem writes an error, the path of a file under root that cannot be
// read relative to the document.
func (d *dumper) problem(err error) string {
	var le *refs.LoadError
	if errors.As(err, &le) && strings.HasPrefix(refs.FilePath(le.URI), d.root+"/") {
		return strings.ReplaceAll(err.Error(), refs.FilePath(le.URI), refs.Relative(d.m.URI, le.URI))
	}
	return err.Error()
}

// rel writes a file's URI relative to the document when it lies under root,
// else as it is: a path outside root (a reference to "/components/…") would
// otherwise climb as many folders as the checkout is deep.
func (d *dumper) rel(uri string) string {
	if strings.HasPrefix(refs.FilePath(uri), d.root+"/") {
		return refs.Relative(d.m.URI, uri)
	}
	return uri
}

// loc writes a location relative to the document.
func (d *dumper) loc(l model.Location) string {
	file := ""
	if l.URI != d.m.URI {
		file = d.rel(l.URI)
	}
	return file + "#" + refs.FormatPointer(l.Pointer)
}

func (d *dumper) element(e model.Element, depth int) {
	c := e.Common()
	ind := strings.Repeat("  ", depth)
	fmt.Fprintf(&d.b, "%s%s", ind, e.Kind())
	if c.Key != "" {
		fmt.Fprintf(&d.b, " %s", q(c.Key))
	}
	if c.Value != nil {
		fmt.Fprintf(&d.b, " @%s", d.loc(c.Loc))
	}
	if c.Ref != nil {
		fmt.Fprintf(&d.b, " via %s", q(c.Ref.Node.Value))
	}
	if c.Problem != nil {
		fmt.Fprintf(&d.b, " PROBLEM(%s)", d.problem(c.Problem))
	}
	d.fields(e)
	key := string(e.Kind()) + " " + c.Loc.String()
	if c.Value != nil && d.expanded[key] {
		d.b.WriteString(" (above)\n")
		return
	}
	d.expanded[key] = true
	d.b.WriteString("\n")
	model.Children(e, func(child model.Element) { d.element(child, depth+1) })
	d.applied(e, depth+1)
}

func (d *dumper) fields(e model.Element) {
	b := &d.b
	switch x := e.(type) {
	case *model.Info:
		field(b, "title", x.Title)
		field(b, "version", x.Version)
	case *model.Contact:
		field(b, "name", x.Name)
		field(b, "url", x.URL)
	case *model.License:
		field(b, "name", x.Name)
	case *model.Server:
		field(b, "url", x.URL)
		field(b, "host", x.Host)
		field(b, "pathname", x.Pathname)
		field(b, "protocol", x.Protocol)
	case *model.ServerVariable:
		field(b, "default", x.Default)
		list(b, "enum", x.Enum)
	case *model.Channel:
		field(b, "address", x.Address)
		var ops []string
		for _, op := range d.m.OperationsOf(x) {
			ops = append(ops, op.ID()+"/"+string(op.Action))
		}
		if ops != nil {
			fmt.Fprintf(b, " operations=[%s]", strings.Join(ops, " "))
		}
		if x.Value != nil && len(x.Servers) == 0 {
			fmt.Fprintf(b, " servers=all(%d)", len(d.m.ServersOf(x)))
		}
	case *model.Parameter:
		field(b, "location", x.Location)
	case *model.Operation:
		fmt.Fprintf(b, " action=%s", x.Action)
		if x.Verb != "" {
			fmt.Fprintf(b, " verb=%s", x.Verb)
		}
		field(b, "operationId", x.OperationID)
		if d.m.IsV3() && x.Value != nil && x.Value.Entry("messages") == nil && x.Channel != nil {
			fmt.Fprintf(b, " messages=channel's(%d)", len(x.EffectiveMessages()))
		}
	case *model.Message:
		if id := x.ID(); id != x.Key {
			fmt.Fprintf(b, " id=%s", q(id))
		}
		field(b, "name", x.Name)
		field(b, "contentType", x.ContentType)
		field(b, "schemaFormat", x.SchemaFormat)
	case *model.MessageTrait:
		field(b, "name", x.Name)
		field(b, "contentType", x.ContentType)
	case *model.Schema:
		field(b, "schemaFormat", x.Format)
	case *model.SecurityScheme:
		field(b, "type", x.Type)
		list(b, "scopes", x.Scopes)
	case *model.OAuthFlow:
		list(b, "scopes", x.Scopes)
	case *model.SecurityRequirement:
		fmt.Fprintf(b, " alternative=%d", x.Alternative)
		list(b, "scopes", x.Scopes)
	case *model.Tag:
		field(b, "name", x.Name)
	case *model.ExternalDocs:
		field(b, "url", x.URL)
	case *model.CorrelationID:
		field(b, "location", x.Location)
	case *model.ReplyAddress:
		field(b, "location", x.Location)
	case *model.Binding:
		field(b, "bindingVersion", x.Version)
	case *model.MessageExample:
		field(b, "name", x.Name)
	}
}

// applied writes the applied view of an element with traits: the fields
// that differ from the element's own, with where the winner is written.
func (d *dumper) applied(e model.Element, depth int) {
	ind := strings.Repeat("  ", depth)
	switch x := e.(type) {
	case *model.Message:
		a := x.Applied()
		if a == x {
			return
		}
		fmt.Fprintf(&d.b, "%sapplied:", ind)
		d.scalarFrom("name", x.Name, a.Name)
		d.scalarFrom("title", x.Title, a.Title)
		d.scalarFrom("summary", x.Summary, a.Summary)
		d.scalarFrom("contentType", x.ContentType, a.ContentType)
		d.elementFrom("headers", base(x.Headers), base(a.Headers))
		d.elementFrom("correlationId", base(x.CorrelationID), base(a.CorrelationID))
		d.elementFrom("bindings", base(x.Bindings), base(a.Bindings))
		if len(a.Tags) != len(x.Tags) {
			fmt.Fprintf(&d.b, " tags=%d", len(a.Tags))
		}
		data, err := x.AppliedData()
		fmt.Fprintf(&d.b, " data-keys=[%s] err=%v\n", sortedKeys(data), err)
	case *model.Operation:
		a := x.Applied()
		if a == x {
			return
		}
		fmt.Fprintf(&d.b, "%sapplied:", ind)
		d.scalarFrom("operationId", x.OperationID, a.OperationID)
		d.scalarFrom("summary", x.Summary, a.Summary)
		d.scalarFrom("description", x.Description, a.Description)
		d.elementFrom("bindings", base(x.Bindings), base(a.Bindings))
		if len(a.Tags) != len(x.Tags) {
			fmt.Fprintf(&d.b, " tags=%d", len(a.Tags))
		}
		if len(a.Security) != len(x.Security) {
			fmt.Fprintf(&d.b, " security=%d", len(a.Security))
		}
		data, err := x.AppliedData()
		fmt.Fprintf(&d.b, " data-keys=[%s] err=%v\n", sortedKeys(data), err)
	}
}

func (d *dumper) scalarFrom(name string, own, applied model.Scalar) {
	if own.Node != applied.Node {
		fmt.Fprintf(&d.b, " %s=%s", name, q(applied.Value))
	}
}

func (d *dumper) elementFrom(name string, own, applied *model.Base) {
	switch {
	case own == applied:
	case applied == nil:
		fmt.Fprintf(&d.b, " %s=none", name)
	default:
		fmt.Fprintf(&d.b, " %s=@%s", name, d.loc(applied.Loc))
	}
}

// base is the Base of an element that may be nil.
func base[T any, P interface {
	*T
	model.Element
}](p P) *model.Base {
	if p == nil {
		return nil
	}
	return p.Common()
}

func sortedKeys(m map[string]any) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func field(b *strings.Builder, name string, s model.Scalar) {
	switch {
	case s.Node == nil:
	case s.Node.IsNull():
		fmt.Fprintf(b, " %s=null", name)
	default:
		fmt.Fprintf(b, " %s=%s", name, q(s.Value))
	}
}

func list(b *strings.Builder, name string, s []model.Scalar) {
	if s == nil {
		return
	}
	var out []string
	for _, x := range s {
		out = append(out, q(x.Value))
	}
	fmt.Fprintf(b, " %s=[%s]", name, strings.Join(out, " "))
}

// q quotes a value so that the dump stays one line per element.
func q(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strconv.Quote(s)
}
