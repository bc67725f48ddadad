// Package payload knows the schema formats a message payload may be
// written in besides JSON Schema — Avro, OpenAPI 3.0 schema objects, RAML
// data types and Protobuf — as the official parser's schema parsers read
// them: which schemaFormat spellings name them, what makes a schema of each
// format invalid, how an Avro schema reads as JSON Schema (to check message
// examples), and what completion and hover offer inside one.
//
// It works on syntax trees and returns problems at byte spans of the
// source; it must not import go.lsp.dev, log, or the rules that call it.
package payload
