package preview

import "html/template"

// The page's repeated parts, written with markup (see markup.go): cards,
// their pieces, the lists of the table of contents and of the tag view, the
// schema trees. page.tmpl holds the page around them and calls the shared
// pieces through pageFuncs.

// pageFuncs are the pieces page.tmpl uses, so that each is written once.
var pageFuncs = template.FuncMap{
	"src":  func(s Source) template.HTML { return piece(func(m *markup) { m.src(s) }) },
	"link": func(l *Link) template.HTML { return piece(func(m *markup) { m.link(l) }) },
	"docs": func(l *Link) template.HTML { return piece(func(m *markup) { m.docs(l) }) },
}

func piece(write func(*markup)) template.HTML {
	var m markup
	write(&m)
	return m.html()
}

func (m *markup) src(s Source) {
	if s.Range == "" {
		return
	}
	m.raw(`<span class="src" role="link" tabindex="0" data-file="`)
	m.text(s.URI)
	m.raw(`" data-range="`)
	m.text(s.Range)
	m.raw(`">`)
	m.text(s.File)
	m.raw(":")
	m.num(s.Line)
	m.raw("</span>")
}

func (m *markup) link(l *Link) {
	if l.URL == "" {
		m.text(l.Label)
		return
	}
	m.raw(`<a href="`)
	m.href(l.URL)
	m.raw(`" target="_blank" rel="noopener noreferrer">`)
	m.text(or(l.Label, l.URL))
	m.raw("</a>")
}

func (m *markup) docs(l *Link) {
	if l == nil {
		return
	}
	m.raw(`<p class="docs">Docs: `)
	m.link(l)
	if l.Description != "" {
		m.raw(`<span class="muted"> — </span>`)
		m.trusted(l.Description)
	}
	m.raw("</p>")
}

func (m *markup) tags(tags []Tag) {
	if len(tags) == 0 {
		return
	}
	m.raw(`<div class="tags">`)
	for _, t := range tags {
		m.raw(`<span class="tag" title="`)
		m.text(t.Name)
		m.raw(`">`)
		m.text(t.Name)
		m.raw("</span>")
	}
	m.raw("</div>")
}

// cardFoot ends an operation or a message: the traits applied, its
// bindings, its tags and docs.
func (m *markup) cardFoot(traits []string, bs []Binding, tags []Tag, docs *Link) {
	m.traits(traits)
	m.raw("\n")
	m.bindings(bs)
	m.raw("\n")
	m.tagsAndDocs(tags, docs)
}

// tagsAndDocs ends every card: its tags, its external docs.
func (m *markup) tagsAndDocs(tags []Tag, docs *Link) {
	m.tags(tags)
	m.docs(docs)
}

func (m *markup) bindings(bs []Binding) {
	if len(bs) == 0 {
		return
	}
	m.raw(`<details class="bindings"><summary>Bindings <span class="muted">`)
	for i, b := range bs {
		if i > 0 {
			m.raw(", ")
		}
		m.text(b.Protocol)
	}
	m.raw("</span></summary>")
	for _, b := range bs {
		m.raw(`<div class="binding"><div class="label">`)
		m.text(b.Protocol)
		m.raw(`</div><pre class="code">`)
		m.trusted(b.Value)
		m.raw("</pre></div>")
	}
	m.raw("</details>")
}

func (m *markup) security(reqs []SecurityRequirement) {
	if len(reqs) == 0 {
		return
	}
	m.raw(`<div class="security"><span class="label">Security</span>`)
	for _, r := range reqs {
		m.raw(`<span class="chip">`)
		if r.Scheme != nil {
			m.raw(`<a href="#`)
			m.anchor(r.Scheme.ID)
			m.raw(`">`)
			m.text(r.Name)
			m.raw(`</a> <span class="muted">`)
			m.text(r.Scheme.Type)
			m.raw("</span>")
		} else {
			m.text(r.Name)
		}
		for _, s := range r.Scopes {
			m.raw(" <code>")
			m.text(s)
			m.raw("</code>")
		}
		m.raw("</span>")
	}
	m.raw("</div>")
}

// codeList writes values as <code> elements between separators.
func (m *markup) codeList(values []string, sep string) {
	for i, v := range values {
		if i > 0 {
			m.raw(sep)
		}
		m.raw("<code>")
		m.text(v)
		m.raw("</code>")
	}
}

// variables is the table of server variables or channel parameters.
func (m *markup) variables(vars []*Variable) {
	m.raw(`<table class="vars"><thead><tr><th>Name</th><th>Values</th><th>Description</th></tr></thead><tbody>` + "\n")
	for _, v := range vars {
		m.raw(`<tr><td class="mono">`)
		m.text(v.Name)
		m.raw("</td><td>")
		if v.Default != "" {
			m.raw("<div>default <code>")
			m.text(v.Default)
			m.raw("</code></div>")
		}
		if len(v.Enum) > 0 {
			m.raw("<div>one of ")
			m.codeList(v.Enum, ", ")
			m.raw("</div>")
		}
		if len(v.Examples) > 0 {
			m.raw("<div>e.g. ")
			m.codeList(v.Examples, ", ")
			m.raw("</div>")
		}
		if v.Location != "" {
			m.raw("<div>from <code>")
			m.text(v.Location)
			m.raw("</code></div>")
		}
		m.raw("</td><td>")
		m.trusted(v.Description)
		m.raw("</td></tr>\n")
	}
	m.raw("</tbody></table>")
}

// action is an operation's send/receive badge.
func (m *markup) action(o *Operation) {
	m.raw(`<span class="badge `)
	m.text(o.Action)
	if o.Action == "send" {
		m.raw(`" title="The application sends`)
	} else {
		m.raw(`" title="The application receives`)
	}
	if o.Legacy != "" {
		m.raw(" (written as ")
		m.text(o.Legacy)
		m.raw(" in AsyncAPI 2)")
	}
	m.raw(`">`)
	m.text(o.Action)
	m.raw("</span>")
}

func (m *markup) messageRefs(refs []*MessageRef) {
	m.raw(`<span class="refs">`)
	for i, r := range refs {
		if i > 0 {
			m.raw(", ")
		}
		m.raw(`<a href="#`)
		m.anchor(r.ID)
		m.raw(`" class="msgref"`)
		if r.Title != "" {
			m.raw(` title="`)
			m.text(r.Title)
			m.raw(`"`)
		}
		m.raw(">")
		m.text(r.Name)
		m.raw("</a>")
	}
	m.raw("</span>")
}

// operationLinks writes links to operations, comma-separated; withAction
// adds each one's action.
func (m *markup) operationLinks(ops []*Operation, withAction bool) {
	for i, o := range ops {
		if i > 0 {
			m.raw(", ")
		}
		m.raw(`<a href="#`)
		m.anchor(o.ID)
		m.raw(`">`)
		m.text(o.Name)
		m.raw("</a>")
		if withAction {
			m.raw(` <span class="muted small">`)
			m.text(o.Action)
			m.raw("</span>")
		}
	}
}

func (m *markup) traits(names []string) {
	if len(names) == 0 {
		return
	}
	m.raw(`<div class="muted small">Traits applied: `)
	for i, t := range names {
		if i > 0 {
			m.raw(", ")
		}
		m.text(t)
	}
	m.raw("</div>")
}

// element writes <tag class="class">s</tag>.
func (m *markup) element(tag, class, s string) {
	m.raw("<" + tag + ` class="` + class + `">`)
	m.text(s)
	m.raw("</" + tag + ">")
}

// elementIf writes the element when s is not empty.
func (m *markup) elementIf(tag, class, s string) {
	if s != "" {
		m.element(tag, class, s)
	}
}

// description writes rendered CommonMark in its block, when there is some.
func (m *markup) description(class string, h template.HTML) {
	if h == "" {
		return
	}
	m.raw(`<div class="` + class + `">`)
	m.trusted(h)
	m.raw("</div>")
}

// cardStart opens a card: <tag id="…" class="…" data-filter="…">.
func (m *markup) cardStart(tag, id, class, filter string) {
	m.raw("<" + tag + ` id="`)
	m.text(id)
	m.raw(`" class="` + class + `" data-filter="`)
	m.text(filter)
	m.raw(`">` + "\n")
}

// cardTitle opens a card's head with its title.
func (m *markup) cardTitle(name string) {
	m.raw(`<div class="card-head"><h3>`)
	m.text(name)
	m.raw("</h3>")
}

// channelName is how a channel is shown: its address, else its name.
func channelName(c *Channel) string { return or(c.Address, c.Name) }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// toc is the table of contents.
func (m *markup) toc(p *Page) {
	m.raw("<ul class=\"toc\">\n<li><a href=\"#info\">Introduction</a></li>\n")
	tocItems := func(anchor, title string, n int, item func(i int)) {
		if n == 0 {
			m.raw("\n")
			return
		}
		m.raw(`<li><a href="#` + anchor + `">` + title + `</a> <span class="count">`)
		m.num(n)
		m.raw("</span><ul>")
		for i := range n {
			item(i)
		}
		m.raw("</ul></li>\n")
	}
	entry := func(id, name, attrs string) {
		m.raw(`<li data-toc="`)
		m.text(id)
		m.raw(`"><a href="#`)
		m.anchor(id)
		m.raw(`"` + attrs + ">")
		m.text(name)
		m.raw("</a></li>")
	}
	tocItems("servers", "Servers", len(p.Servers), func(i int) { entry(p.Servers[i].ID, p.Servers[i].Name, "") })
	if p.Flow != nil {
		m.raw(`<li><a href="#flow">Event flow</a></li>`)
	}
	m.raw("\n")
	tocItems("operations", "Channels &amp; operations", len(p.Channels), func(i int) {
		c := p.Channels[i]
		m.raw(`<li data-toc="`)
		m.text(c.ID)
		m.raw(`"><a href="#`)
		m.anchor(c.ID)
		m.raw(`" class="mono" title="`)
		m.text(channelName(c))
		m.raw(`">`)
		m.text(c.Name)
		m.raw("</a></li>")
	})
	tocItems("messages", "Messages", len(p.Messages), func(i int) { entry(p.Messages[i].ID, p.Messages[i].Name, "") })
	tocItems("schemas", "Schemas", len(p.Schemas), func(i int) { entry(p.Schemas[i].ID, p.Schemas[i].Name, "") })
	if len(p.Security) > 0 {
		m.raw(`<li><a href="#security">Security schemes</a> <span class="count">`)
		m.num(len(p.Security))
		m.raw("</span></li>")
	}
	m.raw("\n")
	if len(p.Components) > 0 {
		m.raw(`<li><a href="#components">Other components</a></li>`)
	}
	m.raw("\n</ul>")
}

func (m *markup) server(s *Server) {
	m.raw("\n")
	m.cardStart("article", s.ID, "card server", s.Filter)
	m.cardTitle(s.Name)
	m.elementIf("span", "proto", s.Protocol)
	if s.ProtocolVersion != "" {
		m.raw(`<span class="muted small">v`)
		m.text(s.ProtocolVersion)
		m.raw("</span>")
	}
	m.src(s.Source)
	m.raw("</div>\n")
	m.elementIf("div", "url mono", s.URL)
	m.raw("\n")
	m.elementIf("div", "title", s.Title)
	m.elementIf("p", "summary", s.Summary)
	m.raw("\n")
	m.description("md", s.Description)
	m.raw("\n")
	if len(s.Variables) > 0 {
		m.raw("<h4>Variables</h4>")
		m.variables(s.Variables)
	}
	m.raw("\n")
	m.security(s.Security)
	m.raw("\n")
	m.bindings(s.Bindings)
	m.raw("\n")
	m.tagsAndDocs(s.Tags, s.Docs)
	m.raw("\n</article>")
}

func (m *markup) channel(c *Channel) {
	m.cardStart("article", c.ID, "card channel", c.Filter)
	m.raw(`<div class="card-head"><h3 class="mono">`)
	m.text(channelName(c))
	m.raw("</h3>")
	if c.Address != "" && c.Name != c.Address {
		m.element("span", "muted small mono", c.Name)
	}
	if c.Component {
		m.raw(`<span class="chip">component</span>`)
	}
	m.src(c.Source)
	m.raw("</div>\n")
	m.elementIf("div", "title", c.Title)
	m.elementIf("p", "summary", c.Summary)
	m.raw("\n")
	m.description("md", c.Description)
	m.raw("\n")
	if len(c.Servers) > 0 {
		m.raw(`<div class="servers-line"><span class="label">Servers</span>`)
		for _, s := range c.Servers {
			m.raw(`<a class="chip" href="#`)
			m.anchor(s.ID)
			m.raw(`">`)
			m.text(s.Name)
			if s.Protocol != "" {
				m.raw(` <span class="muted">`)
				m.text(s.Protocol)
				m.raw("</span>")
			}
			m.raw("</a>")
		}
		m.raw("</div>")
	}
	m.raw("\n")
	if len(c.Parameters) > 0 {
		m.raw("<h4>Parameters</h4>")
		m.variables(c.Parameters)
	}
	m.raw("\n")
	if len(c.Messages) > 0 {
		m.raw(`<div class="servers-line"><span class="label">Messages</span>`)
		m.messageRefs(c.Messages)
		m.raw("</div>")
	}
	m.raw("\n")
	m.bindings(c.Bindings)
	m.raw("\n")
	m.tagsAndDocs(c.Tags, c.Docs)
	m.raw("\n")
	for _, o := range c.Operations {
		m.operation(o)
	}
	m.raw("\n")
	if len(c.ReplyOf) > 0 {
		m.raw(`<div class="servers-line"><span class="label">Replies of</span>`)
		m.operationLinks(c.ReplyOf, false)
		m.raw("</div>")
	}
	m.raw("\n")
	if len(c.Operations) == 0 && len(c.ReplyOf) == 0 {
		m.raw(`<p class="muted small">No operation uses this channel.</p>`)
	}
	m.raw("\n</article>\n")
}

func (m *markup) operation(o *Operation) {
	m.raw(`<div id="`)
	m.text(o.ID)
	m.raw(`" class="op `)
	m.text(o.Action)
	m.raw(`" data-filter="`)
	m.text(o.Filter)
	m.raw(`">` + "\n" + `<div class="op-head">`)
	m.action(o)
	m.element("span", "op-name", o.Name)
	m.elementIf("span", "muted", o.Title)
	m.src(o.Source)
	m.raw("</div>\n")
	m.elementIf("p", "summary", o.Summary)
	m.raw("\n")
	m.description("md", o.Description)
	m.raw("\n")
	if len(o.Messages) > 0 {
		if o.Action == "send" {
			m.raw(`<div class="op-msgs"><span class="label">Sends</span>`)
		} else {
			m.raw(`<div class="op-msgs"><span class="label">Receives</span>`)
		}
		m.messageRefs(o.Messages)
		m.raw("</div>")
	}
	m.raw("\n")
	if r := o.Reply; r != nil {
		m.raw(`<div class="reply"><span class="label">Reply</span>`)
		if r.Channel != nil {
			m.raw(`on <a class="mono" href="#`)
			m.anchor(r.Channel.ID)
			m.raw(`">`)
			m.text(channelName(r.Channel))
			m.raw("</a>")
		}
		if r.Address != "" {
			if r.Dynamic {
				m.raw(" address from <code>")
			} else {
				m.raw(" at <code>")
			}
			m.text(r.Address)
			m.raw("</code>")
		}
		if len(r.Messages) > 0 {
			m.raw(" with ")
			m.messageRefs(r.Messages)
		}
		m.raw("</div>")
	}
	m.raw("\n")
	m.security(o.Security)
	m.raw("\n")
	m.cardFoot(o.Traits, o.Bindings, o.Tags, o.Docs)
	m.raw("\n</div>")
}

// tagGroups is the operations listed under each tag.
func (m *markup) tagGroups(groups []TagGroup) {
	for _, g := range groups {
		m.raw(`<div class="taggroup" data-tag="`)
		m.text(g.Tag)
		m.raw(`"><h3>`)
		if g.Tag != "" {
			m.elementIf("span", "tag", g.Tag)
		} else {
			m.raw("Untagged")
		}
		m.raw(` <span class="count">`)
		m.num(len(g.Operations))
		m.raw("</span></h3>\n" + `<ul class="oplist">`)
		for _, o := range g.Operations {
			m.raw(`<li data-filter="`)
			m.text(o.Filter)
			m.raw(`">`)
			m.action(o)
			m.raw(` <a href="#`)
			m.anchor(o.ID)
			m.raw(`">`)
			m.text(o.Name)
			m.raw(`</a> <span class="mono muted">`)
			if o.Channel != nil {
				m.text(channelName(o.Channel))
			}
			m.raw("</span>")
			if o.Summary != "" {
				m.raw(" — ")
				m.text(o.Summary)
			}
			m.raw("</li>")
		}
		m.raw("</ul></div>\n")
	}
}

// fact writes one <dt>/<dd> pair whose value is code, when there is one.
func (m *markup) fact(term, value string) {
	if value == "" {
		return
	}
	m.raw("<dt>" + term + "</dt><dd><code>")
	m.text(value)
	m.raw("</code></dd>")
}

func (m *markup) message(msg *Message) {
	m.cardStart("article", msg.ID, "card message", msg.Filter)
	m.cardTitle(msg.Name)
	m.elementIf("span", "title", msg.Title)
	m.src(msg.Source)
	m.raw("</div>\n")
	m.elementIf("p", "summary", msg.Summary)
	m.raw("\n")
	m.description("md", msg.Description)
	m.raw("\n" + `<dl class="facts">`)
	m.fact("Message id", msg.MessageID)
	m.fact("Content type", msg.ContentType)
	m.fact("Schema format", msg.SchemaFormat)
	if c := msg.Correlation; c != nil {
		m.raw("<dt>Correlation id</dt><dd><code>")
		m.text(c.Location)
		m.raw("</code>")
		m.description("md", c.Description)
		m.raw("</dd>")
	}
	m.raw("\n")
	if len(msg.UsedBy) > 0 {
		m.raw("<dt>Used by</dt><dd>")
		m.operationLinks(msg.UsedBy, true)
		m.raw("</dd>")
	}
	m.raw("</dl>\n")
	m.schemaSection("Headers", msg.Headers, msg.HeadersRef)
	m.raw("\n")
	m.schemaSection("Payload", msg.Payload, msg.PayloadRef)
	m.raw("\n")
	if msg.PayloadText != "" {
		m.raw(`<h4>Payload</h4><pre class="code">`)
		m.text(msg.PayloadText)
		m.raw("</pre>")
	}
	m.raw("\n")
	if len(msg.Examples) > 0 {
		m.raw("<h4>Examples</h4>")
		for _, e := range msg.Examples {
			m.raw(`<details class="example"><summary>`)
			m.text(or(e.Name, "Example"))
			if e.Summary != "" {
				m.raw(` <span class="muted">— `)
				m.text(e.Summary)
				m.raw("</span>")
			}
			m.raw("</summary>")
			m.code("headers", e.Headers)
			m.code("payload", e.Payload)
			m.raw("</details>")
		}
	}
	m.raw("\n")
	m.cardFoot(msg.Traits, msg.Bindings, msg.Tags, msg.Docs)
	m.raw("\n</article>")
}

// code writes labelled pretty JSON, when there is some.
func (m *markup) code(label string, h template.HTML) {
	if h == "" {
		return
	}
	m.raw(`<div class="label">` + label + `</div><pre class="code">`)
	m.trusted(h)
	m.raw("</pre>")
}

// schemaSection writes a message's headers or payload: its heading, with
// the schema it refers to, and its tree.
func (m *markup) schemaSection(title string, tree *SchemaNode, ref *SchemaRef) {
	if tree == nil {
		return
	}
	m.raw("<h4>" + title)
	if ref != nil {
		m.schemaRef(ref.Name, ref.ID)
	}
	m.raw("</h4>")
	m.trusted(tree.HTML)
}

// schemaRef names the schema a "$ref" leads to, linked to its section
// when it has one (id).
func (m *markup) schemaRef(name, id string) {
	m.raw(` <span class="ref">`)
	if id != "" {
		m.raw(`<a href="#`)
		m.anchor(id)
		m.raw(`">`)
		m.text(name)
		m.raw("</a>")
	} else {
		m.text(name)
	}
	m.raw("</span>")
}

func (m *markup) namedSchema(s *NamedSchema) {
	m.cardStart("article", s.ID, "card schema", s.Filter)
	m.cardTitle(s.Name)
	m.src(s.Source)
	m.raw("</div>\n")
	if s.Schema != nil {
		m.trusted(s.Schema.HTML)
	}
	m.raw("\n</article>")
}

// schemaTree writes a whole tree (what SchemaNode.HTML holds).
func (m *markup) schemaTree(root *SchemaNode) {
	m.raw(`<div class="schema-tree">`)
	m.schemaNode(root)
	m.raw("</div>")
}

func (m *markup) schemaNode(n *SchemaNode) {
	switch {
	case n.Lazy != "":
		m.raw(`<details class="snode lazy" data-ref="`)
		m.text(n.Lazy)
		m.raw(`"><summary>`)
		m.schemaRow(n)
		m.raw("</summary></details>")
	case len(n.Children) > 0:
		if n.Open {
			m.raw(`<details class="snode" open><summary>`)
		} else {
			m.raw(`<details class="snode"><summary>`)
		}
		m.schemaRow(n)
		m.raw("</summary>")
		m.schemaDetails(n)
		m.raw(`<div class="children">`)
		for _, c := range n.Children {
			m.schemaNode(c)
		}
		m.raw("</div></details>")
	default:
		m.raw(`<div class="snode leaf">`)
		m.schemaRow(n)
		m.schemaDetails(n)
		m.raw("</div>")
	}
}

func (m *markup) schemaRow(n *SchemaNode) {
	m.raw(`<span class="prop">`)
	if n.Name != "" {
		m.elementIf("span", "pname", n.Name)
	} else {
		m.elementIf("span", "prole", n.Role)
	}
	if n.Required {
		m.raw(`<span class="req" title="required">*</span>`)
	}
	m.raw(`</span> <span class="ptype">`)
	m.text(n.Type)
	if n.Format != "" {
		m.raw(" ")
		m.elementIf("span", "fmt", n.Format)
	}
	m.raw("</span>")
	if n.RefName != "" {
		m.schemaRef(n.RefName, n.RefID)
	}
	for _, f := range n.Flags {
		m.raw(" ")
		m.element("span", "flag", f)
	}
	if n.Recursive {
		m.raw(` <span class="flag">recursive</span>`)
	}
	if n.Truncated {
		m.raw(` <span class="flag">cut: too deep</span>`)
	}
	if n.Name != "" && n.Role != "" {
		m.raw(" ")
		m.element("span", "prole", n.Role)
	}
}

func (m *markup) schemaDetails(n *SchemaNode) {
	m.description("pdesc md", n.Description)
	if len(n.Constraints) == 0 && len(n.Enum) == 0 && n.Default == "" && n.Const == "" && len(n.Examples) == 0 {
		return
	}
	m.raw(`<div class="pcons">`)
	for _, c := range n.Constraints {
		m.raw(`<span class="kv">`)
		m.text(c.Key)
		m.raw(" <code>")
		m.text(c.Value)
		m.raw("</code></span>")
	}
	if len(n.Enum) > 0 {
		m.raw(`<span class="kv">one of `)
		m.codeList(n.Enum, " ")
		m.raw("</span>")
	}
	m.keyCode("const", n.Const)
	m.keyCode("default", n.Default)
	if len(n.Examples) > 0 {
		m.raw(`<span class="kv">e.g. `)
		m.codeList(n.Examples, " ")
		m.raw("</span>")
	}
	m.raw("</div>")
}

// keyCode writes a labelled value of a schema node, when there is one.
func (m *markup) keyCode(key, value string) {
	if value == "" {
		return
	}
	m.raw(`<span class="kv">` + key + " <code>")
	m.text(value)
	m.raw("</code></span>")
}
