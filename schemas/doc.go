// Package schemas is asyncapi-ls's one language model of AsyncAPI, used by validation, completion and
// hover alike, so that what the editor says about a document always comes from the same place: the
// official JSON Schemas of github.com/asyncapi/spec-json-schemas, one per supported version (2.0.0 to
// 3.1.0).
//
// The bundles are read once and each version is compiled on first use by
// github.com/santhosh-tekuri/jsonschema, which resolves their references; the compiled schema is then
// turned into a graph of nodes shared, read-only, by every goroutine.
//
// Validate checks a decoded document against its version's schema with draft-07 semantics and turns
// the failures into Problems a person can read: unknown keys pinned on the key with a "did you mean",
// missing keys on their object, wrong types and values listing what is allowed, a "$ref" where no
// reference may go, an inline object where only a reference may go (3.x). Where a oneOf/anyOf matches
// nothing, the problems come from the alternative that fits the value best (its discriminating values,
// its keys, being a reference or not), never from all of them. Content behind a "$ref" is not followed:
// it is checked where it is defined. Two choices differ from a plain schema validator, both toward the
// official parser: a Reference Object that also fits another oneOf alternative is accepted, and the
// "regex" format is not asserted (the schemas mean ECMAScript expressions, which Go cannot judge).
//
// At answers what the schema says about one place of a document, written or not yet: descriptions,
// types, allowed values, the keys an object may have, whether a value must be a reference, whether it
// is a JSON Schema, and the specification section that documents it.
package schemas
