// Package incremental analyses a YAML AsyncAPI document after an edit by
// re-parsing and re-validating only the sections the edit touched, with the
// same diagnostics as analysis.Analyze (the "whole" path, kept as the
// reference).
//
// The text is split at its top-level keys (column 0) and, inside big block
// mappings written as a bare "key:" line, at the keys of their entries, down
// to three levels (components → messages → one message). Each section is a
// run of whole lines that parses on its own. Sections are cached by content:
// a section whose text did not change is neither parsed nor validated again;
// when only its position moved, its tree and diagnostics are copied shifted
// by the distance. The cached trees are assembled into one syntax.File equal
// to what syntax.Parse gives for the whole text, which the Document receives
// (requests then never parse it again), and analysis.Analyze runs every other
// check on it as usual (references, rules, suppressions, configured levels).
// Only the schema check is replaced: one cached schemas.ValidateAt per
// section plus a validation of the document's skeleton (its split keys, with
// schemas.Hole for the sections' values).
//
// Whatever the splitter does not understand goes the whole way: JSON, a
// syntax error in any section (the error of the whole text may depend on
// the sections around it), document markers or flow collections at column 0,
// a "<<" merge key or an alias-heavy document at a split level, a section
// whose indentation does not match its siblings', a text over
// syntax.MaxTextBytes. A randomized test checks after thousands of edits
// that both paths give the same diagnostics and the same tree.
//
// Parse uses the same splitter for a one-shot parse (`asyncapi-ls check`):
// neighbouring sections joined into a few big ones, parsed on every core.
package incremental
