package refs

import "strings"

// Kind is the kind of AsyncAPI object found at a path.
type Kind string

// Kinds that references may expect or name. Unknown means "cannot say", and
// never makes a diagnostic.
const (
	Unknown        Kind = ""
	Schema         Kind = "schema"
	Message        Kind = "message"
	Channel        Kind = "channel"
	Operation      Kind = "operation"
	Server         Kind = "server"
	Parameter      Kind = "parameter"
	ServerVariable Kind = "server variable"
	SecurityScheme Kind = "security scheme"
	MessageTrait   Kind = "message trait"
	OperationTrait Kind = "operation trait"
	CorrelationID  Kind = "correlation ID"
	Reply          Kind = "operation reply"
	ReplyAddress   Kind = "reply address"
	Tag            Kind = "tag"
	ExternalDocs   Kind = "external documentation"
)

// Article is the kind with its indefinite article, for messages: "a
// schema", "an operation".
func (k Kind) Article() string {
	if k != "" && strings.ContainsRune("aeiouAEIOU", rune(k[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}

// ComponentKinds maps a "components" section to the kind of its entries.
var ComponentKinds = map[string]Kind{
	"schemas":         Schema,
	"messages":        Message,
	"channels":        Channel,
	"operations":      Operation,
	"servers":         Server,
	"parameters":      Parameter,
	"serverVariables": ServerVariable,
	"securitySchemes": SecurityScheme,
	"messageTraits":   MessageTrait,
	"operationTraits": OperationTrait,
	"correlationIds":  CorrelationID,
	"replies":         Reply,
	"replyAddresses":  ReplyAddress,
	"tags":            Tag,
	"externalDocs":    ExternalDocs,
}

// state is a position of the walk in Classify: a kind, or a collection of
// them (a map of named ones or a list).
type state uint8

const (
	sDead state = iota
	sRoot
	sObject     // an object of a Kind
	sNamed      // a map of named objects of a Kind
	sList       // a list of objects of a Kind
	sComponents // the components object
	sSection    // a components section: named objects of a Kind
	sInfo       // the info object
)

// Classify says which kind of object lives at path (keys and indices from
// the document root), 2.x and 3.x alike: it answers both "what may a $ref
// here point at" (the path of the reference object) and "what does this
// pointer name" (a $ref's pointer).
//
// It is a table of the specification rather than a reading of the official
// JSON Schemas or of the API model, on purpose: the schemas give the 3.x
// places that hold only a reference (an operation's channel and messages,
// a channel's servers, a reply's channel and messages) as a bare Reference
// Object, which says nothing of what it must name, and they need the
// document's version and values, which a pointer into a fragment file does
// not have; the model is built with this table (a reference leading to
// another kind of place is its KindError) and leaves schema internals
// (properties, items, allOf …) unmodelled. Instead the model's invariant
// test checks the table against the model on every corpus document: every
// place the document writes an object of a kind a reference may name, and
// every place the model follows a reference from, is classified with the
// kind the model reads there.
func Classify(path []string) Kind {
	st, kind := sRoot, Unknown
	for _, tok := range path {
		st, kind = next(st, kind, tok)
		if st == sDead {
			return Unknown
		}
	}
	if st != sObject {
		return Unknown
	}
	return kind
}

func next(st state, kind Kind, tok string) (state, Kind) {
	switch st {
	case sRoot:
		switch tok {
		case "channels":
			return sNamed, Channel
		case "operations":
			return sNamed, Operation
		case "servers":
			return sNamed, Server
		case "components":
			return sComponents, Unknown
		case "info":
			return sInfo, Unknown
		}
		return documentation(tok) // 2.x: the API's tags and external docs
	case sInfo:
		return documentation(tok) // 3.x: the API's tags and external docs
	case sComponents:
		if k, ok := ComponentKinds[tok]; ok {
			return sSection, k
		}
	case sSection, sNamed, sList:
		return sObject, kind
	case sObject:
		return member(kind, tok)
	}
	return sDead, Unknown
}

// documentation is the step into tok of an object that may carry tags
// and external documentation.
func documentation(tok string) (state, Kind) {
	switch tok {
	case "tags":
		return sList, Tag
	case "externalDocs":
		return sObject, ExternalDocs
	}
	return sDead, Unknown
}

// member is the step from an object of kind into its field tok.
func member(kind Kind, tok string) (state, Kind) {
	switch kind {
	case Server, Channel, Operation, OperationTrait, Message, MessageTrait:
		if st, k := documentation(tok); st != sDead {
			return st, k
		}
	case Tag:
		if tok == "externalDocs" {
			return sObject, ExternalDocs
		}
	}
	switch kind {
	case Channel:
		switch tok {
		case "messages":
			return sNamed, Message
		case "parameters":
			return sNamed, Parameter
		case "servers":
			return sList, Server
		case "publish", "subscribe": // 2.x operations live in the channel
			return sObject, Operation
		}
	case Operation:
		switch tok {
		case "message": // 2.x
			return sObject, Message
		case "channel":
			return sObject, Channel
		case "messages":
			return sList, Message
		case "reply":
			return sObject, Reply
		case "traits":
			return sList, OperationTrait
		case "security":
			return sList, SecurityScheme
		}
	case Reply:
		switch tok {
		case "channel":
			return sObject, Channel
		case "messages":
			return sList, Message
		case "address":
			return sObject, ReplyAddress
		}
	case Message:
		switch tok {
		case "payload", "headers":
			return sObject, Schema
		case "traits":
			return sList, MessageTrait
		case "correlationId":
			return sObject, CorrelationID
		case "oneOf": // 2.x: a choice of messages
			return sList, Message
		}
	case MessageTrait:
		switch tok {
		case "headers":
			return sObject, Schema
		case "correlationId":
			return sObject, CorrelationID
		}
	case Parameter:
		if tok == "schema" { // 2.x
			return sObject, Schema
		}
	case Server:
		switch tok {
		case "variables":
			return sNamed, ServerVariable
		case "security":
			return sList, SecurityScheme
		}
	case Schema:
		switch tok {
		case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
			return sNamed, Schema
		case "allOf", "anyOf", "oneOf", "prefixItems":
			return sList, Schema
		case "items", "additionalProperties", "additionalItems", "not", "if", "then", "else",
			"contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
			"schema": // a 3.x multi-format schema wraps the schema
			return sObject, Schema
		}
	}
	return sDead, Unknown
}
