package preview

import (
	"cmp"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/preview/flow"
)

// Snapshot is the view of the files a page is built from: the document
// version, the other files as the request sees them, and the document's API
// model. workspace.Snapshot is one.
type Snapshot interface {
	Document() *analysis.Document
	Load(uri string) (*analysis.Document, error)
	Root(uri string) (*syntax.Node, error)
	Model() *model.Model
}

// Build makes the page of the snapshot's document from its model.
func Build(snap Snapshot) *Page {
	doc := snap.Document()
	p := &Page{}
	b := &builder{snap: snap, page: p, ids: map[string]bool{}, rendered: map[string]template.HTML{}, mappers: map[string]*source.Mapper{},
		channels: map[string]*Channel{}, messages: map[string]*Message{}, messagesByID: map[string]*Message{}, servers: map[string]*Server{},
		schemes: map[string]*SecurityScheme{}}
	b.trees = &schemaTrees{load: snap.Root, named: map[string]string{}}
	p.Source = b.source(model.Location{URI: refs.CanonicalURI(doc.URI)}, nil)
	if p.Source.File == "" {
		p.Source.File = path.Base(doc.URI)
	}
	root := doc.Root()
	if root == nil {
		msg := "The document does not parse"
		if errs := doc.File().Errors; len(errs) > 0 {
			msg += ": " + strings.TrimSuffix(errs[0].Message, ".")
		}
		p.Problems = append(p.Problems, msg+".")
		p.Broken = true
		return p
	}
	if !doc.IsAsyncAPI() {
		p.Problems = append(p.Problems, "This is not an AsyncAPI document: it has no asyncapi key at its root.")
		p.Broken = true
		return p
	}
	b.m = snap.Model()
	b.build()
	return p
}

type builder struct {
	snap  Snapshot
	m     *model.Model
	page  *Page
	trees *schemaTrees

	ids      map[string]bool
	rendered map[string]template.HTML // descriptions already rendered
	mappers  map[string]*source.Mapper
	// views by the place of their definition
	channels map[string]*Channel
	messages map[string]*Message
	// messagesByID finds a message view by its anchor.
	messagesByID map[string]*Message
	servers      map[string]*Server
	schemes      map[string]*SecurityScheme
}

// markdown renders a description once per page: generated and large
// documents repeat the same descriptions many times.
func (b *builder) markdown(src string) template.HTML {
	if src == "" {
		return ""
	}
	if h, ok := b.rendered[src]; ok {
		return h
	}
	h := Markdown(src)
	b.rendered[src] = h
	return h
}

func (b *builder) build() {
	m, p := b.m, b.page
	p.SpecVersion, p.DocID = m.Version.Value, m.ID.Value
	p.ContentType = m.DefaultContentType.Value
	if i := m.Info; i != nil {
		p.Title, p.Version = i.Title.Value, i.Version.Value
		p.Description = b.markdown(i.Description.Value)
		p.Terms = safeURL(i.TermsOfService.Value)
		if c := i.Contact; c != nil {
			p.Contact = &Contact{Name: c.Name.Value, URL: safeURL(c.URL.Value), Email: email(c.Email.Value)}
		}
		if l := i.License; l != nil {
			p.License = &Link{Label: l.Name.Value, URL: safeURL(l.URL.Value)}
		}
		p.Source = b.sourceOf(&i.Base)
	}
	p.Tags, p.Docs = b.tags(m.Tags), b.docs(m.ExternalDocs)
	comps := m.Components
	if comps == nil {
		comps = &model.Components{}
	}
	// Component schemas first: references to them link to their sections.
	for _, s := range comps.Schemas {
		if s.Value == nil && s.Ref == nil {
			continue // nothing to show (a reference that leads nowhere is shown as one)
		}
		id := b.id("schema", s.Key)
		b.trees.named[s.Loc.String()] = id
	}
	for _, s := range comps.SecuritySchemes {
		b.securityScheme(s)
	}
	for _, s := range m.Servers {
		p.Servers = append(p.Servers, b.server(s))
	}
	for _, msg := range m.Messages() {
		b.message(msg)
	}
	for _, c := range m.Channels {
		b.channel(c, false)
	}
	opIDs := map[*model.Operation]*Operation{}
	for _, op := range m.Operations {
		v := b.operation(op)
		opIDs[op] = v
		p.Operations = append(p.Operations, v)
	}
	// Each channel lists its operations in the order the document gives them.
	for _, op := range m.Operations {
		v := opIDs[op]
		if v.Channel != nil {
			v.Channel.Operations = append(v.Channel.Operations, v)
		}
	}
	for _, s := range comps.Schemas {
		if s.Value == nil && s.Ref == nil {
			continue // nothing to show (a reference that leads nowhere is shown as one)
		}
		id := b.trees.named[s.Loc.String()]
		tree := b.schemaTree(s.Body(), isAvro(s.Format.Value))
		p.Schemas = append(p.Schemas, &NamedSchema{ID: id, Name: s.Key, Schema: tree,
			Filter: filterText(s.Key), Source: b.sourceOf(&s.Base)})
	}
	b.components(comps)
	b.byTag()
	b.flow()
	b.renderTrees()
	p.Counts = Counts{Servers: len(p.Servers), Channels: len(p.Channels), Operations: len(p.Operations),
		Messages: len(p.Messages), Schemas: len(p.Schemas)}
}

// components lists the reusable objects that have no section of their own.
func (b *builder) components(c *model.Components) {
	add := func(kind string, bases []*model.Base) {
		g := ComponentGroup{Kind: kind}
		for _, e := range bases {
			g.Entries = append(g.Entries, ComponentEntry{Name: elementName(e), Source: b.sourceOf(e)})
		}
		if len(g.Entries) > 0 {
			b.page.Components = append(b.page.Components, g)
		}
	}
	add("Servers", bases(c.Servers))
	add("Channels", bases(c.Channels))
	add("Operations", bases(c.Operations))
	add("Parameters", bases(c.Parameters))
	add("Server variables", bases(c.ServerVariables))
	add("Correlation ids", bases(c.CorrelationIDs))
	add("Replies", bases(c.Replies))
	add("Reply addresses", bases(c.ReplyAddresses))
	add("Operation traits", bases(c.OperationTraits))
	add("Message traits", bases(c.MessageTraits))
	add("Tags", bases(c.Tags))
	add("External docs", bases(c.ExternalDocs))
	add("Server bindings", bases(c.ServerBindings))
	add("Channel bindings", bases(c.ChannelBindings))
	add("Operation bindings", bases(c.OperationBindings))
	add("Message bindings", bases(c.MessageBindings))
}

// bases is the common part of each element.
func bases[E model.Element](list []E) []*model.Base {
	out := make([]*model.Base, 0, len(list))
	for _, e := range list {
		out = append(out, e.Common())
	}
	return out
}

// schemaTree draws a schema of the model; one whose "$ref" leads nowhere
// is a row that says so, as a "$ref" inside a tree is.
func (b *builder) schemaTree(s *model.Schema, avro bool) *SchemaNode {
	if s.Value == nil {
		if s.Ref == nil || s.Ref.Node == nil {
			return nil
		}
		return &SchemaNode{Type: "unresolved", Constraints: []KeyValue{{"$ref", s.Ref.Node.Value}}}
	}
	return b.trees.tree(s.Loc.URI, s.Value, avro)
}

// renderTrees renders every distinct schema tree of the page once, on every
// core; the page then inserts the HTML wherever the tree is used.
func (b *builder) renderTrees() {
	var roots []*SchemaNode
	seen := map[*SchemaNode]bool{}
	add := func(t *SchemaNode) {
		if t != nil && !seen[t] {
			seen[t] = true
			roots = append(roots, t)
		}
	}
	for _, m := range b.page.Messages {
		add(m.Headers)
		add(m.Payload)
	}
	for _, s := range b.page.Schemas {
		add(s.Schema)
	}
	html := writeEach(roots, (*markup).schemaTree)
	for i, t := range roots {
		t.HTML = html[i]
	}
}

// id makes a unique anchor from a kind and a name: letters, digits, "-",
// "_" and "." are kept, anything else becomes "-".
func (b *builder) id(kind, name string) string {
	var s strings.Builder
	s.WriteString(kind)
	s.WriteByte('-')
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			s.WriteRune(r)
		default:
			s.WriteByte('-')
		}
	}
	id := s.String()
	for i := 2; b.ids[id]; i++ {
		id = s.String() + "-" + strconv.Itoa(i)
	}
	b.ids[id] = true
	return id
}

// sourceOf locates an element where it is defined: its key there (the key
// of a use reached through a "$ref" is in the using file), else its value.
func (b *builder) sourceOf(e *model.Base) Source {
	n := e.KeyNode
	if e.Ref != nil || n == nil {
		n = nil
		if t, err := refs.Lookup(b.snap.Root, e.Loc.Key()); err == nil {
			n = t.Key
			if n == nil {
				n = t.Value
			}
		}
		if n == nil {
			n = e.Value
		}
	}
	return b.source(e.Loc, n)
}

// source locates node n of the file at loc.
func (b *builder) source(loc model.Location, n *syntax.Node) Source {
	if loc.URI == "" {
		return Source{}
	}
	m, ok := b.mappers[loc.URI]
	if !ok {
		if d, err := b.snap.Load(loc.URI); err == nil && d != nil {
			m = d.Mapper
		}
		b.mappers[loc.URI] = m
	}
	s := Source{URI: loc.URI, File: path.Base(refs.FilePath(loc.URI))}
	if s.File == "." || s.File == "/" {
		s.File = path.Base(loc.URI)
	}
	if m == nil || n == nil {
		return s
	}
	start, err1 := m.Position(n.Start, source.UTF16)
	end, err2 := m.Position(n.End, source.UTF16)
	if err1 != nil || err2 != nil {
		return s
	}
	s.Line = start.Line + 1
	s.Range = strconv.Itoa(start.Line) + ":" + strconv.Itoa(start.Character) + ":" + strconv.Itoa(end.Line) + ":" + strconv.Itoa(end.Character)
	return s
}

func (b *builder) server(s *model.Server) *Server {
	v := &Server{ID: b.id("server", s.Key), Name: s.Key, Protocol: s.Protocol.Value, ProtocolVersion: s.ProtocolVersion.Value,
		Title: s.Title.Value, Summary: s.Summary.Value, Description: b.markdown(s.Description.Value),
		Bindings: b.bindings(s.Bindings), Tags: b.tags(s.Tags), Docs: b.docs(s.ExternalDocs),
		Security: b.security(s.Security), Source: b.sourceOf(&s.Base)}
	v.URL = s.URL.Value
	if s.Host.IsSet() {
		v.URL = s.Host.Value + s.Pathname.Value
	}
	for _, va := range s.Variables {
		v.Variables = append(v.Variables, &Variable{Name: va.Key, Description: b.markdown(va.Description.Value),
			Default: va.Default.Value, Enum: values(va.Enum), Examples: values(va.Examples), Source: b.sourceOf(&va.Base)})
	}
	v.Filter = filterText(v.Name, v.URL, v.Protocol, v.Title, v.Summary)
	if s.Value != nil {
		b.servers[s.Loc.String()] = v
	}
	return v
}

func (b *builder) securityScheme(s *model.SecurityScheme) {
	if s.Value == nil {
		return
	}
	v := &SecurityScheme{ID: b.id("security", s.Key), Name: s.Key, Type: s.Type.Value,
		Description: b.markdown(s.Description.Value), Source: b.sourceOf(&s.Base)}
	for _, kv := range []struct {
		label string
		f     model.Scalar
	}{{"in", s.In}, {"name", s.Name}, {"scheme", s.Scheme}, {"bearer format", s.BearerFormat}, {"OpenID Connect URL", s.OpenIDConnectURL}} {
		if kv.f.IsSet() {
			v.Details = append(v.Details, KeyValue{kv.label, kv.f.Value})
		}
	}
	for _, f := range s.Flows {
		fl := Flow{Kind: f.Key, AuthorizationURL: f.AuthorizationURL.Value, TokenURL: f.TokenURL.Value, Refresh: f.RefreshURL.Value}
		scopes := f.Value.Get("availableScopes")
		if scopes == nil {
			scopes = f.Value.Get("scopes")
		}
		for _, sc := range f.Scopes {
			fl.Scopes = append(fl.Scopes, KeyValue{sc.Value, scalarText(scopes.Get(sc.Value))})
		}
		v.Flows = append(v.Flows, fl)
	}
	b.schemes[s.Loc.String()] = v
	b.page.Security = append(b.page.Security, v)
}

func (b *builder) security(reqs []*model.SecurityRequirement) []SecurityRequirement {
	var out []SecurityRequirement
	for _, r := range reqs {
		if r.Scheme == nil {
			continue // 2.x {}: no security needed
		}
		v := SecurityRequirement{Name: r.Scheme.Key, Scopes: values(r.Scopes)}
		if r.Scheme.Value != nil {
			v.Scheme = b.schemes[r.Scheme.Loc.String()]
		}
		if v.Name == "" && v.Scheme != nil {
			v.Name = v.Scheme.Name
		}
		out = append(out, v)
	}
	return out
}

func (b *builder) channel(c *model.Channel, component bool) *Channel {
	if c.Value != nil {
		if v := b.channels[c.Loc.String()]; v != nil {
			return v
		}
	}
	name := c.Key
	if name == "" {
		name = lastPointerToken(c.Loc)
	}
	v := &Channel{ID: b.id("channel", name), Name: name, Title: c.Title.Value, Summary: c.Summary.Value,
		Description: b.markdown(c.Description.Value), Bindings: b.bindings(c.Bindings), Tags: b.tags(c.Tags),
		Docs: b.docs(c.ExternalDocs), Component: component, Source: b.sourceOf(&c.Base)}
	if c.Address.IsSet() {
		v.Address = c.Address.Value
	}
	v.Filter = filterText(v.Name, v.Address, v.Title, v.Summary)
	for _, pa := range c.Parameters {
		va := &Variable{Name: pa.Key, Description: b.markdown(pa.Description.Value), Default: pa.Default.Value,
			Enum: values(pa.Enum), Examples: values(pa.Examples), Location: pa.Location.Value, Source: b.sourceOf(&pa.Base)}
		if s := pa.Schema; s != nil && s.Value != nil { // 2.x: the values come from the schema
			if va.Description == "" {
				va.Description = b.markdown(scalarText(s.Value.Get("description")))
			}
			if e := s.Value.Get("enum").Resolve(); e != nil && e.Kind == syntax.Sequence {
				for _, it := range e.Items {
					va.Enum = append(va.Enum, scalarText(it))
				}
			}
			if d := s.Value.Get("default"); d != nil {
				va.Default = scalarText(d)
			}
		}
		v.Parameters = append(v.Parameters, va)
	}
	if c.Value.Entry("servers") != nil {
		v.Servers = []ServerRef{}
		for _, s := range c.Servers {
			ref := ServerRef{Name: s.Key}
			if sv := b.servers[s.Loc.String()]; sv != nil && s.Value != nil {
				ref.ID, ref.Protocol = sv.ID, sv.Protocol
			}
			v.Servers = append(v.Servers, ref)
		}
	}
	if b.m.IsV3() {
		v.Messages = b.messageRefs(c.Messages)
	}
	if c.Value != nil {
		b.channels[c.Loc.String()] = v
	}
	b.page.Channels = append(b.page.Channels, v)
	return v
}

func (b *builder) operation(op *model.Operation) *Operation {
	a := op.Applied()
	name := op.ID()
	if name == "" {
		name = op.Key
	}
	if name == "" && op.Channel != nil {
		name = op.Verb + " " + op.Channel.Key
	}
	v := &Operation{ID: b.id("operation", name), Name: name, Action: string(op.Action), Legacy: op.Verb,
		Title: a.Title.Value, Summary: a.Summary.Value, Description: b.markdown(a.Description.Value),
		Security: b.security(a.Security), Bindings: b.bindings(a.Bindings), Tags: b.tags(a.Tags), Docs: b.docs(a.ExternalDocs),
		Source: b.sourceOf(&op.Base)}
	if op.Verb != "" {
		v.Source = b.source(op.Loc, op.ActionNode)
	}
	if op.Channel != nil {
		if op.Channel.Value != nil {
			v.Channel = b.channels[op.Channel.Loc.String()]
		}
		if v.Channel == nil {
			v.Channel = b.channel(op.Channel, true)
		}
	}
	v.Messages = b.messageRefs(op.EffectiveMessages())
	for _, t := range op.Traits {
		v.Traits = append(v.Traits, elementName(&t.Base))
	}
	if r := op.Reply; r != nil && r.Value != nil {
		rv := &Reply{Messages: b.messageRefs(r.Messages)}
		if r.Channel != nil {
			if r.Channel.Value != nil {
				rv.Channel = b.channels[r.Channel.Loc.String()]
			}
			if rv.Channel == nil {
				rv.Channel = b.channel(r.Channel, true)
			}
			if len(rv.Messages) == 0 {
				rv.Messages = rv.Channel.Messages
			}
			rv.Channel.ReplyOf = append(rv.Channel.ReplyOf, v)
		}
		if ad := r.Address; ad != nil && ad.Location.IsSet() {
			rv.Address, rv.Dynamic = ad.Location.Value, true
		}
		v.Reply = rv
	}
	for _, mr := range v.Messages {
		if msg := b.messageByID(mr.ID); msg != nil {
			msg.UsedBy = append(msg.UsedBy, v)
		}
	}
	words := []string{v.Name, v.Action, v.Legacy, v.Title, v.Summary}
	if v.Channel != nil {
		words = append(words, v.Channel.Name, v.Channel.Address)
	}
	for _, mr := range v.Messages {
		words = append(words, mr.Name, mr.Title)
	}
	for _, t := range v.Tags {
		words = append(words, t.Name)
	}
	v.Filter = filterText(words...)
	if ch := v.Channel; ch != nil {
		ch.Filter = filterText(ch.Filter, v.Filter)
	}
	return v
}

func (b *builder) messageByID(id string) *Message { return b.messagesByID[id] }

func (b *builder) messageRefs(msgs []*model.Message) []*MessageRef {
	var out []*MessageRef
	for _, msg := range msgs {
		if msg.Value == nil {
			out = append(out, &MessageRef{Name: elementName(&msg.Base)})
			continue
		}
		v := b.messages[msg.Loc.String()]
		if v == nil {
			v = b.message(msg)
		}
		out = append(out, &MessageRef{ID: v.ID, Name: v.Name, Title: v.Title})
	}
	return out
}

func (b *builder) message(msg *model.Message) *Message {
	if v := b.messages[msg.Loc.String()]; v != nil {
		return v
	}
	a := msg.Applied()
	name := msg.ID()
	if name == "" {
		name = cmp.Or(a.Name.Value, a.Title.Value, lastPointerToken(msg.Loc), "message")
	}
	v := &Message{ID: b.id("message", name), Name: name, Title: a.Title.Value, Summary: a.Summary.Value,
		Description: b.markdown(a.Description.Value), ContentType: cmp.Or(a.ContentType.Value, b.m.DefaultContentType.Value),
		Bindings: b.bindings(a.Bindings), Tags: b.tags(a.Tags), Docs: b.docs(a.ExternalDocs),
		Source: b.sourceOf(&msg.Base)}
	if msg.MessageID.IsSet() {
		v.MessageID = msg.MessageID.Value
	}
	if a.Name.IsSet() && a.Name.Value != name {
		v.Title = cmp.Or(v.Title, a.Name.Value)
	}
	format := a.SchemaFormat.Value
	if p := msg.Payload; p != nil && p.Value != nil {
		format = cmp.Or(p.Format.Value, format)
		body := p.Body()
		switch {
		case isProtobuf(format) || (body.Value != nil && body.Value.Kind == syntax.Scalar):
			v.PayloadText = scalarText(body.Value)
		default:
			v.Payload = b.schemaTree(body, isAvro(format))
			v.PayloadRef = b.refLink(&p.Base)
		}
	}
	v.SchemaFormat = format
	if h := a.Headers; h != nil && h.Value != nil {
		v.Headers = b.schemaTree(h.Body(), isAvro(h.Format.Value))
		v.HeadersRef = b.refLink(&h.Base)
	}
	if c := a.CorrelationID; c != nil && c.Value != nil {
		v.Correlation = &Correlation{Location: c.Location.Value, Description: b.markdown(c.Description.Value)}
	}
	for _, ex := range a.Examples {
		v.Examples = append(v.Examples, Example{Name: ex.Name.Value, Summary: ex.Summary.Value,
			Headers: prettyJSON(ex.Headers), Payload: prettyJSON(ex.Payload)})
	}
	for _, t := range msg.Traits {
		v.Traits = append(v.Traits, elementName(&t.Base))
	}
	words := []string{v.Name, v.Title, v.Summary, v.ContentType}
	for _, t := range v.Tags {
		words = append(words, t.Name)
	}
	v.Filter = filterText(words...)
	if msg.Value != nil {
		b.messages[msg.Loc.String()] = v
	}
	b.messagesByID[v.ID] = v
	b.page.Messages = append(b.page.Messages, v)
	return v
}

// refLink names the schema a payload or headers "$ref" leads to, with the
// anchor of its section when it has one.
func (b *builder) refLink(e *model.Base) *SchemaRef {
	if e.Ref == nil || e.Ref.Err != nil {
		return nil
	}
	return &SchemaRef{Name: lastPointerToken(e.Ref.Target), ID: b.trees.named[e.Ref.Target.String()]}
}

func (b *builder) bindings(bs *model.Bindings) []Binding {
	if bs == nil {
		return nil
	}
	var out []Binding
	for _, bd := range bs.Protocols {
		out = append(out, Binding{Protocol: bd.Key, Value: prettyJSON(bd.Value)})
	}
	return out
}

func (b *builder) tags(ts []*model.Tag) []Tag {
	var out []Tag
	for _, t := range ts {
		out = append(out, Tag{Name: t.Name.Value, Description: b.markdown(t.Description.Value), Docs: b.docs(t.ExternalDocs)})
	}
	return out
}

// docs is an external docs link, labelled with its description when that
// is a short line.
func (b *builder) docs(d *model.ExternalDocs) *Link {
	if d == nil || d.Value == nil {
		return nil
	}
	l := &Link{Label: d.URL.Value, URL: safeURL(d.URL.Value)}
	if desc := strings.TrimSpace(d.Description.Value); desc != "" && len(desc) <= 80 && !strings.Contains(desc, "\n") {
		l.Label = desc
	} else {
		l.Description = b.markdown(desc)
	}
	return l
}

// byTag groups the operations by their tags, in the order tags first
// appear; untagged operations come last.
func (b *builder) byTag() {
	groups := map[string]*TagGroup{}
	var order []string
	add := func(tag string, op *Operation) {
		g := groups[tag]
		if g == nil {
			g = &TagGroup{Tag: tag}
			groups[tag] = g
			order = append(order, tag)
		}
		g.Operations = append(g.Operations, op)
	}
	var untagged []*Operation
	for _, op := range b.page.Operations {
		if len(op.Tags) == 0 {
			untagged = append(untagged, op)
		}
		for _, t := range op.Tags {
			add(t.Name, op)
		}
	}
	if len(order) == 0 {
		return // no tags: no second view to switch to
	}
	for _, t := range order {
		b.page.ByTag = append(b.page.ByTag, *groups[t])
	}
	if len(untagged) > 0 {
		b.page.ByTag = append(b.page.ByTag, TagGroup{Operations: untagged})
	}
}

// flow fills the event-flow picture: every channel with its operations,
// replies as dashed arrows on their reply channel.
func (b *builder) flow() {
	p := b.page
	g := flow.Graph{App: flow.Link{Label: cmp.Or(p.Title, "Application"), Href: "#info"}, AppDetail: p.Version}
	index := map[*Channel]int{}
	protocols := b.channelProtocols()
	for _, c := range p.Channels {
		index[c] = len(g.Channels)
		fc := flow.Channel{Link: flow.Link{Label: cmp.Or(c.Address, c.Name), Href: "#" + c.ID}, Address: c.Address}
		for _, s := range protocols[c] {
			fc.Servers = append(fc.Servers, s.Name)
			if s.Protocol != "" {
				fc.Protocols = append(fc.Protocols, s.Protocol)
			}
		}
		g.Channels = append(g.Channels, fc)
	}
	for _, op := range p.Operations {
		names := make([]string, 0, len(op.Messages))
		for _, m := range op.Messages {
			names = append(names, m.Name)
		}
		if op.Channel != nil {
			fc := &g.Channels[index[op.Channel]]
			fc.Ops = append(fc.Ops, flow.Op{Href: "#" + op.ID, Name: op.Name, Messages: names, Send: op.Action == "send"})
		}
		if r := op.Reply; r != nil {
			var replyNames []string
			for _, m := range r.Messages {
				replyNames = append(replyNames, m.Name)
			}
			reply := flow.Op{Href: "#" + op.ID, Name: op.Name + " (reply)", Messages: replyNames, Send: op.Action != "send", Reply: true}
			if r.Channel != nil {
				fc := &g.Channels[index[r.Channel]]
				fc.Ops = append(fc.Ops, reply)
			} else if r.Address != "" {
				g.Channels = append(g.Channels, flow.Channel{Link: flow.Link{Label: "reply to " + r.Address, Href: "#" + op.ID}, Ops: []flow.Op{reply}})
			}
		}
	}
	p.Flow = flow.Layout(g)
}

// channelProtocols lists the servers of each channel: those it names, or
// every server.
func (b *builder) channelProtocols() map[*Channel][]ServerRef {
	all := make([]ServerRef, 0, len(b.page.Servers))
	for _, s := range b.page.Servers {
		all = append(all, ServerRef{ID: s.ID, Name: s.Name, Protocol: s.Protocol})
	}
	out := map[*Channel][]ServerRef{}
	for _, c := range b.page.Channels {
		if c.Servers != nil {
			out[c] = c.Servers
		} else {
			out[c] = all
		}
	}
	return out
}

func isAvro(format string) bool     { return strings.Contains(strings.ToLower(format), "avro") }
func isProtobuf(format string) bool { return strings.Contains(strings.ToLower(format), "protobuf") }

func safeURL(u string) string {
	if SafeURL(u) && !strings.HasPrefix(u, "#") {
		return strings.TrimSpace(u)
	}
	return ""
}

// email keeps an address that makes a plain mailto link.
func email(s string) string {
	if strings.ContainsAny(s, " <>\"'?&") || !strings.Contains(s, "@") {
		return ""
	}
	return s
}

func values(ss []model.Scalar) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.Value)
	}
	return out
}

// elementName names an element by its key, or by the last token of where it
// is defined.
func elementName(e *model.Base) string {
	if e.Key != "" {
		return e.Key
	}
	if e.Ref != nil {
		return lastPointerToken(e.Ref.Target)
	}
	return lastPointerToken(e.Loc)
}

func lastPointerToken(l model.Location) string {
	if len(l.Pointer) == 0 {
		return ""
	}
	return l.Pointer[len(l.Pointer)-1]
}

// filterText is what the filter box matches: the words, lowercased.
func filterText(words ...string) string {
	words = slices.DeleteFunc(words, func(s string) bool { return s == "" })
	return strings.ToLower(strings.Join(words, " "))
}

// Follower keeps what a live page needs from one render to the next: the
// last page that showed the document, and the other files that page read
// (whose changes refresh the page). Safe for concurrent use.
type Follower struct {
	mu       sync.Mutex
	previous *Page
	files    []string
}

// Next picks the page to show: while the document does not parse, the
// previous good page stays, with the problem on top, so that the page does
// not go blank on every keystroke. files are the other files p read.
func (f *Follower) Next(p *Page, files []string) *Page {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !p.Broken {
		f.previous, f.files = p, files
		return p
	}
	if f.previous == nil {
		return p
	}
	kept := *f.previous
	kept.Problems = append(slices.Clone(p.Problems), "Showing the last version that parsed.")
	return &kept
}

// Files are the other files the last good page read.
func (f *Follower) Files() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.files
}
