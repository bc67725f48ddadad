package model

import (
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Build reads the model of the document at uri from its tree root. load
// reads the other documents its references reach (canonical URIs in,
// parsed roots out); nil follows references inside the document only. A
// nil root gives an empty model.
func Build(uri string, root *syntax.Node, load refs.Loader) *Model {
	uri = refs.CanonicalURI(uri)
	m := &Model{URI: uri, refsTo: map[*syntax.Node][]*Ref{}, deps: map[string]*syntax.Node{},
		opsByChannel: map[*syntax.Node][]*Operation{}}
	b := &builder{m: m, loader: load, files: map[string]loaded{uri: {root: root}}, defs: map[defKey]Element{},
		named: map[string]Element{}}
	if root == nil {
		b.files[uri] = loaded{err: ErrNotParsed}
		return m
	}
	doc := &Base{Value: root, Loc: Location{URI: uri}}
	b.root = doc
	m.Version = scalar(doc, "asyncapi")
	b.v3 = m.IsV3()
	m.ID = scalar(doc, "id")
	m.DefaultContentType = scalar(doc, "defaultContentType")
	m.Info, _ = element(b, field(doc, "info"), KindInfo, b.fillInfo)
	m.Servers = namedList(b, "servers/", entries(doc, "servers"), refs.Server, b.fillServer)
	m.Channels = b.channels(entries(doc, "channels"))
	if b.v3 {
		m.Operations = list(b, entries(doc, "operations"), refs.Operation, b.fillOperation)
	} else {
		for _, ch := range m.Channels {
			m.Operations = append(m.Operations, ch.v2ops...)
		}
	}
	m.Components, _ = element(b, field(doc, "components"), KindComponents, b.fillComponents)
	about := doc
	if b.v3 && m.Info != nil {
		about = &m.Info.Base
	}
	m.Tags = b.tags(about)
	m.ExternalDocs = b.externalDocs(about)
	if b.v3 {
		seen := map[*syntax.Node]bool{}
		m.indexOperations(m.Operations, seen)
		if m.Components != nil {
			m.indexOperations(m.Components.Operations, seen)
		}
	}
	return m
}

// indexOperations records the channel of each operation; an operation
// defined where one indexed before is (a root operation that refers to a
// component operation) is not recorded twice.
func (m *Model) indexOperations(ops []*Operation, seen map[*syntax.Node]bool) {
	for _, op := range ops {
		if op.Value != nil {
			if seen[op.Value] {
				continue
			}
			seen[op.Value] = true
		}
		if ch := op.Channel; ch != nil && ch.Value != nil {
			m.opsByChannel[ch.Value] = append(m.opsByChannel[ch.Value], op)
		}
	}
}

func (b *builder) fillInfo(i *Info) {
	e := &i.Base
	i.Title, i.Version = scalar(e, "title"), scalar(e, "version")
	i.Description, i.TermsOfService = scalar(e, "description"), scalar(e, "termsOfService")
	i.Contact, _ = element(b, field(e, "contact"), KindContact, func(c *Contact) {
		c.Name, c.URL, c.Email = scalar(&c.Base, "name"), scalar(&c.Base, "url"), scalar(&c.Base, "email")
	})
	i.License, _ = element(b, field(e, "license"), KindLicense, func(l *License) {
		l.Name, l.URL = scalar(&l.Base, "name"), scalar(&l.Base, "url")
	})
}

func (b *builder) fillServer(s *Server) {
	e := &s.Base
	s.URL, s.Host, s.Pathname = scalar(e, "url"), scalar(e, "host"), scalar(e, "pathname")
	s.Protocol, s.ProtocolVersion = scalar(e, "protocol"), scalar(e, "protocolVersion")
	s.Title, s.Summary, s.Description = scalar(e, "title"), scalar(e, "summary"), scalar(e, "description")
	s.Variables = list(b, entries(e, "variables"), refs.ServerVariable, fillServerVariable)
	s.Security = b.security(e)
	s.Tags, s.ExternalDocs, s.Bindings = b.tags(e), b.externalDocs(e), b.bindings(e)
}

func fillServerVariable(v *ServerVariable) {
	e := &v.Base
	v.Description, v.Default = scalar(e, "description"), scalar(e, "default")
	v.Enum, v.Examples = scalars(e, "enum"), scalars(e, "examples")
}

// channels builds channels. A 2.x channel's address is its key where it is
// used, and its operations belong to that use.
func (b *builder) channels(sites []site) []*Channel {
	if sites == nil {
		return nil
	}
	out := make([]*Channel, 0, len(sites))
	for _, s := range sites {
		use, def := element(b, s, refs.Channel, b.fillChannel)
		if !b.v3 && def != nil && use != def {
			use.Address = Scalar{Value: use.Key, Node: use.KeyNode}
			use.v2ops = make([]*Operation, len(def.v2ops))
			for i, op := range def.v2ops {
				cp := *op
				cp.Channel = use
				use.v2ops[i] = &cp
			}
		}
		out = append(out, use)
	}
	return out
}

func (b *builder) fillChannel(c *Channel) {
	e := &c.Base
	if b.v3 {
		c.Address = scalar(e, "address")
	} else {
		c.Address = Scalar{Value: e.Key, Node: e.KeyNode}
	}
	c.Title, c.Summary, c.Description = scalar(e, "title"), scalar(e, "summary"), scalar(e, "description")
	if b.v3 {
		c.Servers = list(b, items(e, "servers"), refs.Server, b.fillServer)
	} else {
		c.Servers = b.serversByName(items(e, "servers"))
	}
	c.Parameters = list(b, entries(e, "parameters"), refs.Parameter, b.fillParameter)
	if b.v3 {
		c.Messages = list(b, entries(e, "messages"), refs.Message, b.fillMessage)
	} else {
		seen := map[*syntax.Node]bool{}
		for _, verb := range []string{"publish", "subscribe"} {
			p := e.Value.Entry(verb)
			if p == nil {
				continue
			}
			s := site{at: e.Loc.child(verb), key: verb, keyNode: p.Key, node: p.Value}
			op, _ := element(b, s, refs.Operation, b.fillOperation)
			op.Verb, op.Channel, op.ActionNode = verb, c, p.Key
			op.Action = Send
			if verb == "publish" {
				op.Action = Receive
			}
			c.v2ops = append(c.v2ops, op)
			for _, msg := range op.Messages {
				if msg.Value == nil || !seen[msg.Value] {
					seen[msg.Value] = true
					c.Messages = append(c.Messages, msg)
				}
			}
		}
	}
	c.Tags, c.ExternalDocs, c.Bindings = b.tags(e), b.externalDocs(e), b.bindings(e)
}

// serversByName reads a 2.x channel's "servers": names of root servers.
func (b *builder) serversByName(sites []site) []*Server {
	var out []*Server
	for _, s := range sites {
		name := s.node.String()
		var srv Server
		if found := b.v2Server(name); found != nil {
			srv = *found
		} else {
			srv.Loc, srv.Problem = s.at, &NameError{Kind: refs.Server, Name: name}
		}
		srv.Key, srv.KeyNode, srv.Ref = name, s.node, nil
		out = append(out, &srv)
	}
	return out
}

// v2Server is the root server a 2.x channel names.
func (b *builder) v2Server(name string) *Server {
	s, _ := v2Named(b, "servers/"+name, b.root.Value.Get("servers"), b.root.Loc.child("servers"), name, refs.Server, b.fillServer)
	return s
}

// v2Named builds the entry name of the mapping n written at at, once per
// id however many times it is named (see namedList).
func v2Named[T any, P elementPtr[T]](b *builder, id string, n *syntax.Node, at Location, name string, kind Kind, fill func(P)) (P, bool) {
	if e, ok := b.named[id]; ok {
		p, _ := e.(P)
		return p, p != nil
	}
	p := n.Entry(name)
	var e P
	if name != "" && p != nil {
		e, _ = element(b, site{at: at.child(name), key: name, keyNode: p.Key, node: p.Value}, kind, fill)
	}
	b.named[id] = e
	return e, e != nil
}

// namedList builds the entries of a mapping that 2.x names refer to (root
// servers, security schemes): an entry built for a name before is reused,
// so that its reference is followed once.
func namedList[T any, P elementPtr[T]](b *builder, idPrefix string, sites []site, kind Kind, fill func(P)) []P {
	if sites == nil {
		return nil
	}
	out := make([]P, 0, len(sites))
	for _, s := range sites {
		id := idPrefix + s.key
		e, ok := b.named[id].(P)
		if !ok {
			e, _ = element(b, s, kind, fill)
			b.named[id] = e
		}
		out = append(out, e)
	}
	return out
}

func (b *builder) fillParameter(p *Parameter) {
	e := &p.Base
	p.Description, p.Location, p.Default = scalar(e, "description"), scalar(e, "location"), scalar(e, "default")
	p.Enum, p.Examples = scalars(e, "enum"), scalars(e, "examples")
	p.Schema, _ = element(b, field(e, "schema"), refs.Schema, b.fillSchema)
}

func (b *builder) fillSchema(s *Schema) {
	e := &s.Base
	if b.v3 && e.Value.Entry("schemaFormat") != nil && e.Value.Entry("schema") != nil {
		s.Format = scalar(e, "schemaFormat")
		s.Schema, _ = element(b, field(e, "schema"), refs.Schema, b.fillSchema)
	}
}

func (b *builder) fillOperation(o *Operation) {
	e := &o.Base
	o.v3 = b.v3
	o.OperationFields = b.operationFields(e)
	o.Traits = list(b, items(e, "traits"), refs.OperationTrait, func(t *OperationTrait) {
		t.OperationFields = b.operationFields(&t.Base)
	})
	if !b.v3 {
		o.Messages = b.v2Messages(field(e, "message"), map[*syntax.Node]bool{})
		return
	}
	action := scalar(e, "action")
	o.Action, o.ActionNode = Action(action.Value), action.Node
	o.Channel, _ = element(b, field(e, "channel"), refs.Channel, b.fillChannel)
	o.Messages = list(b, items(e, "messages"), refs.Message, b.fillMessage)
	o.Reply, _ = element(b, field(e, "reply"), refs.Reply, b.fillReply)
}

func (b *builder) operationFields(e *Base) OperationFields {
	return OperationFields{
		OperationID: scalar(e, "operationId"),
		Title:       scalar(e, "title"), Summary: scalar(e, "summary"), Description: scalar(e, "description"),
		Security: b.security(e),
		Tags:     b.tags(e), ExternalDocs: b.externalDocs(e), Bindings: b.bindings(e),
	}
}

// v2Messages reads a 2.x operation's "message": one message, or a oneOf
// list of them (which a referenced message may hold too). Each message
// value is listed once, however many oneOf lists name it.
func (b *builder) v2Messages(s site, seen map[*syntax.Node]bool) []*Message {
	msg, _ := element(b, s, refs.Message, b.fillMessage)
	if msg == nil || seen[msg.Value] {
		return nil
	}
	if msg.Value != nil {
		seen[msg.Value] = true
	}
	oneOf := items(&msg.Base, "oneOf")
	if oneOf == nil {
		return []*Message{msg}
	}
	var out []*Message
	for _, it := range oneOf {
		out = append(out, b.v2Messages(it, seen)...)
	}
	return out
}

func (b *builder) fillReply(r *Reply) {
	e := &r.Base
	r.Address, _ = element(b, field(e, "address"), refs.ReplyAddress, fillReplyAddress)
	r.Channel, _ = element(b, field(e, "channel"), refs.Channel, b.fillChannel)
	r.Messages = list(b, items(e, "messages"), refs.Message, b.fillMessage)
}

func fillReplyAddress(a *ReplyAddress) {
	a.Description, a.Location = scalar(&a.Base, "description"), scalar(&a.Base, "location")
}

func (b *builder) fillMessage(m *Message) {
	e := &m.Base
	m.v3 = b.v3
	m.MessageFields = b.messageFields(e)
	m.Payload, _ = element(b, field(e, "payload"), refs.Schema, b.fillSchema)
	if !b.v3 && m.Payload != nil && m.SchemaFormat.Node != nil {
		m.Payload.Format = m.SchemaFormat
	}
	m.Traits = list(b, items(e, "traits"), refs.MessageTrait, func(t *MessageTrait) {
		t.MessageFields = b.messageFields(&t.Base)
	})
}

func (b *builder) messageFields(e *Base) MessageFields {
	f := MessageFields{
		MessageID: scalar(e, "messageId"),
		Name:      scalar(e, "name"), Title: scalar(e, "title"),
		Summary: scalar(e, "summary"), Description: scalar(e, "description"),
		ContentType: scalar(e, "contentType"), SchemaFormat: scalar(e, "schemaFormat"),
		Tags: b.tags(e), ExternalDocs: b.externalDocs(e), Bindings: b.bindings(e),
	}
	f.Headers, _ = element(b, field(e, "headers"), refs.Schema, b.fillSchema)
	f.CorrelationID, _ = element(b, field(e, "correlationId"), refs.CorrelationID, fillCorrelationID)
	f.Examples = list(b, items(e, "examples"), KindMessageExample, func(x *MessageExample) {
		x.Name, x.Summary = scalar(&x.Base, "name"), scalar(&x.Base, "summary")
		x.Headers, x.Payload = x.Value.Get("headers"), x.Value.Get("payload")
	})
	return f
}

func fillCorrelationID(c *CorrelationID) {
	c.Description, c.Location = scalar(&c.Base, "description"), scalar(&c.Base, "location")
}

// security reads "security": 2.x requirement maps (scheme name → scopes),
// 3.x a list of schemes.
func (b *builder) security(e *Base) []*SecurityRequirement {
	sites := items(e, "security")
	if len(sites) == 0 {
		return nil
	}
	var out []*SecurityRequirement
	for i, s := range sites {
		if b.v3 {
			scheme, _ := element(b, s, refs.SecurityScheme, b.fillSecurityScheme)
			out = append(out, &SecurityRequirement{Base: scheme.Base, Alternative: i, Scheme: scheme, Scopes: scheme.Scopes})
			continue
		}
		item := s.node.Resolve()
		if item == nil || item.Kind != syntax.Mapping {
			out = append(out, &SecurityRequirement{Base: Base{Value: item, Loc: s.at, Problem: ErrNotObject}, Alternative: i})
			continue
		}
		if len(item.Pairs) == 0 {
			out = append(out, &SecurityRequirement{Base: Base{Value: item, Loc: s.at}, Alternative: i})
		}
		for j := range item.Pairs {
			p := &item.Pairs[j]
			name := p.Key.Value
			if item.Entry(name) != p {
				continue // a key written again later: the later one counts, as in the data
			}
			r := &SecurityRequirement{Base: Base{Key: name, KeyNode: p.Key, Value: p.Value, Loc: s.at.child(name)}, Alternative: i}
			r.Scopes = scalars(&Base{Value: item}, name)
			if r.Scheme = b.v2Scheme(name); r.Scheme == nil {
				r.Problem = &NameError{Kind: refs.SecurityScheme, Name: name}
			}
			out = append(out, r)
		}
	}
	return out
}

// v2Scheme is the security scheme a 2.x requirement names.
func (b *builder) v2Scheme(name string) *SecurityScheme {
	at := b.root.Loc.child("components").child("securitySchemes")
	s, _ := v2Named(b, "securitySchemes/"+name, b.root.Value.Get("components").Get("securitySchemes"), at, name, refs.SecurityScheme, b.fillSecurityScheme)
	return s
}

func (b *builder) fillSecurityScheme(s *SecurityScheme) {
	e := &s.Base
	s.Type, s.Description, s.Name = scalar(e, "type"), scalar(e, "description"), scalar(e, "name")
	s.In, s.Scheme, s.BearerFormat = scalar(e, "in"), scalar(e, "scheme"), scalar(e, "bearerFormat")
	s.OpenIDConnectURL = scalar(e, "openIdConnectUrl")
	if b.v3 {
		s.Scopes = scalars(e, "scopes")
	}
	s.Flows = list(b, entries(e, "flows"), KindOAuthFlow, func(f *OAuthFlow) {
		fe := &f.Base
		f.AuthorizationURL, f.TokenURL, f.RefreshURL = scalar(fe, "authorizationUrl"), scalar(fe, "tokenUrl"), scalar(fe, "refreshUrl")
		f.Scopes = keys(fe, "scopes")
		if b.v3 {
			f.Scopes = keys(fe, "availableScopes")
		}
	})
}

func (b *builder) tags(e *Base) []*Tag {
	return list(b, items(e, "tags"), refs.Tag, b.fillTag)
}

func (b *builder) fillTag(t *Tag) {
	t.Name, t.Description = scalar(&t.Base, "name"), scalar(&t.Base, "description")
	t.ExternalDocs = b.externalDocs(&t.Base)
}

func (b *builder) externalDocs(e *Base) *ExternalDocs {
	d, _ := element(b, field(e, "externalDocs"), refs.ExternalDocs, fillExternalDocs)
	return d
}

func fillExternalDocs(d *ExternalDocs) {
	d.Description, d.URL = scalar(&d.Base, "description"), scalar(&d.Base, "url")
}

func (b *builder) bindings(e *Base) *Bindings {
	bs, _ := element(b, field(e, "bindings"), KindBindings, b.fillBindings)
	return bs
}

func (b *builder) fillBindings(bs *Bindings) {
	bs.Protocols = list(b, mapSites(bs.Loc, bs.Value), KindBinding, func(x *Binding) {
		x.Version = scalar(&x.Base, "bindingVersion")
	})
}

func (b *builder) fillComponents(c *Components) {
	e := &c.Base
	c.Schemas = list(b, entries(e, "schemas"), refs.Schema, b.fillSchema)
	c.Servers = list(b, entries(e, "servers"), refs.Server, b.fillServer)
	c.ServerVariables = list(b, entries(e, "serverVariables"), refs.ServerVariable, fillServerVariable)
	c.Channels = b.channels(entries(e, "channels"))
	if b.v3 {
		c.Operations = list(b, entries(e, "operations"), refs.Operation, b.fillOperation)
	}
	c.Messages = list(b, entries(e, "messages"), refs.Message, b.fillMessage)
	c.SecuritySchemes = namedList(b, "securitySchemes/", entries(e, "securitySchemes"), refs.SecurityScheme, b.fillSecurityScheme)
	c.Parameters = list(b, entries(e, "parameters"), refs.Parameter, b.fillParameter)
	c.CorrelationIDs = list(b, entries(e, "correlationIds"), refs.CorrelationID, fillCorrelationID)
	c.Replies = list(b, entries(e, "replies"), refs.Reply, b.fillReply)
	c.ReplyAddresses = list(b, entries(e, "replyAddresses"), refs.ReplyAddress, fillReplyAddress)
	c.Tags = list(b, entries(e, "tags"), refs.Tag, b.fillTag)
	c.ExternalDocs = list(b, entries(e, "externalDocs"), refs.ExternalDocs, fillExternalDocs)
	c.OperationTraits = list(b, entries(e, "operationTraits"), refs.OperationTrait, func(t *OperationTrait) {
		t.OperationFields = b.operationFields(&t.Base)
	})
	c.MessageTraits = list(b, entries(e, "messageTraits"), refs.MessageTrait, func(t *MessageTrait) {
		t.MessageFields = b.messageFields(&t.Base)
	})
	c.ServerBindings = list(b, entries(e, "serverBindings"), KindBindings, b.fillBindings)
	c.ChannelBindings = list(b, entries(e, "channelBindings"), KindBindings, b.fillBindings)
	c.OperationBindings = list(b, entries(e, "operationBindings"), KindBindings, b.fillBindings)
	c.MessageBindings = list(b, entries(e, "messageBindings"), KindBindings, b.fillBindings)
}
