package preview

import (
	"html/template"

	"asyncapi-ls/preview/flow"
)

// The types below are what the page shows, in the order it shows them: the
// presentation of the model, not a second model. build.go fills them from
// analysis/model; page.tmpl draws them.

// Page is one rendered document.
type Page struct {
	Title       string
	Version     string // info.version
	SpecVersion string // the asyncapi key
	DocID       string // the id key
	Description template.HTML
	Contact     *Contact
	License     *Link
	Terms       string // terms of service URL, when safe
	ContentType string // defaultContentType
	Tags        []Tag
	Docs        *Link // external docs
	Source      Source

	Servers    []*Server
	Channels   []*Channel
	Operations []*Operation
	// ByTag lists the operations under each tag, for the "by tag" view.
	ByTag    []TagGroup
	Messages []*Message
	Schemas  []*NamedSchema
	Security []*SecurityScheme
	// Components lists the other reusable objects by kind (schemas,
	// messages and security schemes have sections of their own).
	Components []ComponentGroup

	Flow *flow.Picture

	// Problems are shown above everything: the document did not parse, is
	// not AsyncAPI, or only an older version could be shown.
	Problems []string
	// Broken: the document does not parse (or is no AsyncAPI document), so
	// the page shows nothing of it.
	Broken bool
	// Counts, for the header and for comparisons with other renderers.
	Counts Counts
}

// Counts are the numbers of elements the page shows.
type Counts struct {
	Servers, Channels, Operations, Messages, Schemas int
}

// Source is the place an element comes from, for the page-to-source links.
type Source struct {
	URI  string // the file's URI
	File string // its base name, for "file:line"
	Line int    // one-based
	// Range is "startLine:startChar:endLine:endChar", zero-based lines and
	// UTF-16 columns (what an editor reveals); "" when the place is unknown.
	Range string
}

// Contact is info.contact.
type Contact struct {
	Name  string
	URL   string // only when safe
	Email string
}

// Link is a labelled URL (external docs, license); URL is empty when the
// document's URL is not one the page may link to.
type Link struct {
	Label       string
	URL         string
	Description template.HTML
}

// Tag is a tag with its description and docs.
type Tag struct {
	Name        string
	Description template.HTML
	Docs        *Link
}

// TagGroup is the operations of one tag ("" for untagged ones).
type TagGroup struct {
	Tag        string
	Operations []*Operation
}

// Binding is one protocol's bindings, shown as data.
type Binding struct {
	Protocol string
	Value    template.HTML // pretty JSON, escaped (see codeHTML)
}

// Server is one server.
type Server struct {
	ID              string
	Name            string
	URL             string // 2.x url, or 3.x host + pathname
	Protocol        string
	ProtocolVersion string
	Title           string
	Summary         string
	Description     template.HTML
	Variables       []*Variable
	Security        []SecurityRequirement
	Bindings        []Binding
	Tags            []Tag
	Docs            *Link
	Filter          string
	Source          Source
}

// Variable is a server variable or a channel parameter.
type Variable struct {
	Name        string
	Description template.HTML
	Default     string
	Enum        []string
	Examples    []string
	Location    string // parameters: where the value comes from
	Source      Source
}

// SecurityRequirement is one scheme a server or operation asks for.
type SecurityRequirement struct {
	Scheme *SecurityScheme // nil when the name does not resolve
	Name   string
	Scopes []string
}

// SecurityScheme is a component security scheme.
type SecurityScheme struct {
	ID          string
	Name        string
	Type        string
	Description template.HTML
	Details     []KeyValue // in, name, scheme, bearerFormat, openIdConnectUrl …
	Flows       []Flow
	Source      Source
}

// Flow is one OAuth2 flow.
type Flow struct {
	Kind                                string
	AuthorizationURL, TokenURL, Refresh string
	Scopes                              []KeyValue
}

// KeyValue is one labelled value.
type KeyValue struct{ Key, Value string }

// ServerRef links to a server's section.
type ServerRef struct{ ID, Name, Protocol string }

// Channel is one channel with the operations that use it.
type Channel struct {
	ID          string
	Name        string
	Address     string // "" when the address is unknown or null (3.x)
	Title       string
	Summary     string
	Description template.HTML
	Parameters  []*Variable
	Servers     []ServerRef // nil: all servers
	Bindings    []Binding
	Tags        []Tag
	Docs        *Link
	Messages    []*MessageRef // 3.x: the channel's messages
	Operations  []*Operation
	ReplyOf     []*Operation // operations that reply on this channel
	Component   bool         // declared under components only
	Filter      string
	Source      Source
}

// MessageRef links to a message's section.
type MessageRef struct {
	ID    string
	Name  string
	Title string
}

// Operation is a send or a receive.
type Operation struct {
	ID          string
	Name        string
	Action      string // "send" or "receive"
	Legacy      string // 2.x: "publish" or "subscribe", as written
	Title       string
	Summary     string
	Description template.HTML
	Channel     *Channel
	Messages    []*MessageRef
	Reply       *Reply
	Security    []SecurityRequirement
	Bindings    []Binding
	Tags        []Tag
	Docs        *Link
	Traits      []string // the names of the traits applied
	Filter      string
	Source      Source
}

// Reply is a 3.x operation reply.
type Reply struct {
	Channel  *Channel // nil when the reply names no channel
	Address  string   // the reply address: a fixed one or a runtime expression
	Dynamic  bool     // the address is a runtime expression
	Messages []*MessageRef
}

// Message is one message with its schemas and examples.
type Message struct {
	ID           string
	Name         string
	MessageID    string
	Title        string
	Summary      string
	Description  template.HTML
	ContentType  string
	SchemaFormat string
	Headers      *SchemaNode
	HeadersRef   *SchemaRef // the schema the headers "$ref" names
	Payload      *SchemaNode
	PayloadRef   *SchemaRef
	PayloadText  string // a payload shown as text (Protobuf, or a format the page cannot draw)
	Correlation  *Correlation
	Examples     []Example
	Bindings     []Binding
	Tags         []Tag
	Docs         *Link
	Traits       []string
	UsedBy       []*Operation
	Filter       string
	Source       Source
}

// Correlation is a message's correlation id.
type Correlation struct {
	Location    string
	Description template.HTML
}

// Example is one message example.
type Example struct {
	Name    string
	Summary string
	Headers template.HTML // pretty JSON, escaped (see codeHTML)
	Payload template.HTML
}

// ComponentGroup is one kind of component with its entries.
type ComponentGroup struct {
	Kind    string
	Entries []ComponentEntry
}

// ComponentEntry is one reusable object, named, with where it is.
type ComponentEntry struct {
	Name   string
	Source Source
}

// SchemaRef names a schema reached through a "$ref": its name and the
// anchor of its section ("" when it has none).
type SchemaRef struct{ Name, ID string }

// NamedSchema is a component schema.
type NamedSchema struct {
	ID     string
	Name   string
	Schema *SchemaNode
	Filter string
	Source Source
}

// SchemaNode is one node of a schema tree: a property, the items of an
// array, a branch of oneOf …
type SchemaNode struct {
	Name        string // property name, or "" for the root
	Role        string // "items", "additionalProperties", "oneOf #1" …: how the node relates to its parent
	Type        string // "object", "string", "array of string", "record (Avro)" …
	Format      string
	RefName     string // the $ref it was reached through, by name
	RefID       string // anchor of that schema's section, when it has one
	Required    bool
	Flags       []string // deprecated, read-only, write-only, nullable
	Description template.HTML
	Constraints []KeyValue // minimum, maxLength, pattern …
	Enum        []string
	Default     string
	Const       string
	Examples    []string
	Children    []*SchemaNode
	Recursive   bool // the schema contains itself here: not expanded again
	Truncated   bool // the tree was cut (too deep or too big)
	Open        bool // shown expanded at first
	// HTML is the rendered tree, on a root: shared trees render once (see
	// renderTrees).
	HTML template.HTML
	// Lazy is the anchor of a named schema whose tree the page's script
	// copies here when the row is opened (the page holds it once).
	Lazy string
}
