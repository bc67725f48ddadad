package model

import (
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// Info is the "info" object.
type Info struct {
	Base
	Title, Version, Description, TermsOfService Scalar
	Contact                                     *Contact
	License                                     *License
}

// Contact is info's contact.
type Contact struct {
	Base
	Name, URL, Email Scalar
}

// License is info's license.
type License struct {
	Base
	Name, URL Scalar
}

// Server is a server: 2.x gives a URL, 3.x a host and a pathname.
type Server struct {
	Base
	URL                         Scalar // 2.x
	Host, Pathname              Scalar // 3.x
	Protocol, ProtocolVersion   Scalar
	Title, Summary, Description Scalar
	Variables                   []*ServerVariable
	Security                    []*SecurityRequirement
	Tags                        []*Tag
	ExternalDocs                *ExternalDocs
	Bindings                    *Bindings
}

// ServerVariable is one variable of a server's URL or host.
type ServerVariable struct {
	Base
	Description, Default Scalar
	Enum, Examples       []Scalar
}

// Channel is a channel. Its address is the "address" field in 3.x (null
// or absent: not known in advance) and the channel's key in 2.x.
type Channel struct {
	Base
	Address                     Scalar
	Title, Summary, Description Scalar
	// Servers lists the servers the channel names; none means all of them
	// (see Model.ServersOf).
	Servers    []*Server
	Parameters []*Parameter
	// Messages are the channel's messages: 3.x "messages", 2.x the messages
	// of its publish and subscribe operations, each once.
	Messages     []*Message
	Tags         []*Tag
	ExternalDocs *ExternalDocs
	Bindings     *Bindings

	v2ops []*Operation // 2.x: the operations written in the channel
}

// Parameter is a channel parameter.
type Parameter struct {
	Base
	Description, Location, Default Scalar
	Enum, Examples                 []Scalar
	Schema                         *Schema // 2.x (read in 3.x too, where it is a 2.x habit)
}

// Action is what an operation does, from the application's point of view.
type Action string

// Actions. A 2.x "publish" operation is one where others publish to the
// application: the application receives (and "subscribe": it sends), as the
// official 2.x → 3.x converter reads them by default.
const (
	Send    Action = "send"
	Receive Action = "receive"
)

// OperationFields are what an operation and an operation trait share.
type OperationFields struct {
	OperationID                 Scalar // 2.x; a 3.x operation's id is its key
	Title, Summary, Description Scalar
	Security                    []*SecurityRequirement
	Tags                        []*Tag
	ExternalDocs                *ExternalDocs
	Bindings                    *Bindings
}

// Operation is a 3.x operation or a 2.x publish or subscribe.
type Operation struct {
	Base
	OperationFields
	// Action is "send" or "receive" (a 3.x value that is neither is kept
	// as written); ActionNode is the 3.x "action" value or the 2.x verb's key.
	Action     Action
	ActionNode *syntax.Node
	// Verb is the 2.x key, "publish" or "subscribe"; "" in 3.x.
	Verb string
	// Channel is the channel the operation is on: the 3.x "channel"
	// reference, the 2.x channel holding it.
	Channel *Channel
	// Messages are the messages listed: 3.x "messages", 2.x "message" (each
	// oneOf alternative). See EffectiveMessages for the 3.x default.
	Messages []*Message
	Reply    *Reply
	Traits   []*OperationTrait

	v3 bool
}

// ID names the operation: its key in 3.x, its operationId in 2.x.
func (o *Operation) ID() string {
	if o.v3 {
		return o.Key
	}
	return o.OperationID.Value
}

// EffectiveMessages are the messages the operation sends or receives: a 3.x
// operation without "messages" means every message of its channel.
func (o *Operation) EffectiveMessages() []*Message {
	if o.v3 && o.Value.Entry("messages") == nil && o.Channel != nil {
		return o.Channel.Messages
	}
	return o.Messages
}

// OperationTrait is an operation trait.
type OperationTrait struct {
	Base
	OperationFields
}

// Reply is a 3.x operation's reply.
type Reply struct {
	Base
	Address  *ReplyAddress
	Channel  *Channel
	Messages []*Message
}

// ReplyAddress says where a reply is sent: a runtime expression.
type ReplyAddress struct {
	Base
	Description, Location Scalar
}

// MessageFields are what a message and a message trait share.
type MessageFields struct {
	MessageID                         Scalar // 2.x; a 3.x message's id is its key
	Name, Title, Summary, Description Scalar
	ContentType                       Scalar
	SchemaFormat                      Scalar // 2.x; 3.x gives it with the payload
	Headers                           *Schema
	CorrelationID                     *CorrelationID
	Tags                              []*Tag
	ExternalDocs                      *ExternalDocs
	Bindings                          *Bindings
	Examples                          []*MessageExample
}

// Message is a message.
type Message struct {
	Base
	MessageFields
	Payload *Schema
	Traits  []*MessageTrait

	v3 bool
}

// ID names the message: its 2.x messageId when it has one, else its key.
func (m *Message) ID() string {
	if !m.v3 && m.MessageID.IsSet() {
		return m.MessageID.Value
	}
	return m.Key
}

// MessageTrait is a message trait.
type MessageTrait struct {
	Base
	MessageFields
}

// MessageExample is one example of a message.
type MessageExample struct {
	Base
	Name, Summary    Scalar
	Headers, Payload *syntax.Node
}

// CorrelationID says where a message's correlation id is.
type CorrelationID struct {
	Base
	Description, Location Scalar
}

// Schema is a payload, headers or parameter schema, or a component schema.
// Its content is not modelled: Value is the schema as written.
type Schema struct {
	Base
	// Format is the schema format that governs it, as written: the 3.x
	// multi-format object's "schemaFormat" or the 2.x message's; unset for
	// the default AsyncAPI schema.
	Format Scalar
	// Schema is the "schema" of a 3.x multi-format schema object (Value is
	// then that object); nil otherwise.
	Schema *Schema
}

// Body is the schema itself: the inner schema of a multi-format object.
func (s *Schema) Body() *Schema {
	if s != nil && s.Schema != nil {
		return s.Schema
	}
	return s
}

// SecurityScheme is a security scheme.
type SecurityScheme struct {
	Base
	Type, Description, Name, In, Scheme, BearerFormat, OpenIDConnectURL Scalar
	Flows                                                               []*OAuthFlow
	// Scopes (3.x) are the scopes the scheme requires where it is used.
	Scopes []Scalar
}

// OAuthFlow is one flow of an OAuth2 scheme; its key is the flow's name.
type OAuthFlow struct {
	Base
	AuthorizationURL, TokenURL, RefreshURL Scalar
	// Scopes are the scope names the flow offers (2.x "scopes", 3.x
	// "availableScopes"); each Node is the scope's key.
	Scopes []Scalar
}

// SecurityRequirement is one scheme an operation or a server requires.
// Requirements with the same Alternative must all be met; meeting one
// alternative is enough. 2.x: one per entry of each requirement map (an
// empty map gives one with no Scheme: no security at all); 3.x: one per
// list entry, the scheme itself.
type SecurityRequirement struct {
	Base
	Alternative int
	Scheme      *SecurityScheme
	// Scopes are the scopes required: 2.x the entry's list, 3.x the scheme's.
	Scopes []Scalar
}

// Tag is a tag.
type Tag struct {
	Base
	Name, Description Scalar
	ExternalDocs      *ExternalDocs
}

// ExternalDocs is an external documentation object.
type ExternalDocs struct {
	Base
	Description, URL Scalar
}

// Bindings is a bindings object: protocol → binding.
type Bindings struct {
	Base
	Protocols []*Binding
}

// Binding is one protocol's binding; its key is the protocol.
type Binding struct {
	Base
	Version Scalar // "bindingVersion"
}

// Components holds the reusable objects, by kind, in source order.
type Components struct {
	Base
	Schemas         []*Schema
	Servers         []*Server
	ServerVariables []*ServerVariable
	Channels        []*Channel
	Operations      []*Operation
	Messages        []*Message
	SecuritySchemes []*SecurityScheme
	Parameters      []*Parameter
	CorrelationIDs  []*CorrelationID
	Replies         []*Reply
	ReplyAddresses  []*ReplyAddress
	Tags            []*Tag
	ExternalDocs    []*ExternalDocs
	OperationTraits []*OperationTrait
	MessageTraits   []*MessageTrait
	// Bindings by the kind of object they apply to: "server", "channel",
	// "operation", "message".
	ServerBindings, ChannelBindings, OperationBindings, MessageBindings []*Bindings
}

// Kind implementations.

func (*Info) Kind() Kind                { return KindInfo }
func (*Contact) Kind() Kind             { return KindContact }
func (*License) Kind() Kind             { return KindLicense }
func (*Server) Kind() Kind              { return refs.Server }
func (*ServerVariable) Kind() Kind      { return refs.ServerVariable }
func (*Channel) Kind() Kind             { return refs.Channel }
func (*Parameter) Kind() Kind           { return refs.Parameter }
func (*Operation) Kind() Kind           { return refs.Operation }
func (*OperationTrait) Kind() Kind      { return refs.OperationTrait }
func (*Reply) Kind() Kind               { return refs.Reply }
func (*ReplyAddress) Kind() Kind        { return refs.ReplyAddress }
func (*Message) Kind() Kind             { return refs.Message }
func (*MessageTrait) Kind() Kind        { return refs.MessageTrait }
func (*MessageExample) Kind() Kind      { return KindMessageExample }
func (*CorrelationID) Kind() Kind       { return refs.CorrelationID }
func (*Schema) Kind() Kind              { return refs.Schema }
func (*SecurityScheme) Kind() Kind      { return refs.SecurityScheme }
func (*OAuthFlow) Kind() Kind           { return KindOAuthFlow }
func (*SecurityRequirement) Kind() Kind { return KindSecurityRequirement }
func (*Tag) Kind() Kind                 { return refs.Tag }
func (*ExternalDocs) Kind() Kind        { return refs.ExternalDocs }
func (*Bindings) Kind() Kind            { return KindBindings }
func (*Binding) Kind() Kind             { return KindBinding }
func (*Components) Kind() Kind          { return KindComponents }
