// Package incremental analyses a YAML AsyncAPI document after an edit by
// re-parsing and re-checking only the sections the edit touched, with the
// same diagnostics as analysis.Analyze (the "whole" path, kept as the
// reference).
//
// The text is split at its top-level keys (column 0) and, inside big block
// mappings written as a bare "key:" line, at the keys of their entries, down
// to three levels (components → messages → one message). Neighbouring
// entries that are not split further are grouped, a few to a section, where
// an entry's own key line says a group ends (groupLeaves): an edit's walks
// then visit a few times fewer sections, and an edit regroups only its own
// group. Each section is a run of whole lines that parses on its own.
// Sections are cached by content:
// a section whose text did not change is neither parsed nor checked again.
// An edit inside one section re-plans only that section (replan.go); the
// sections after it keep their trees, whose offsets are those of the
// version they were parsed in, and what is found in them is placed by the
// distance they moved (entry.delta).
//
// Every check but the rules comes from the sections' caches (checks.go):
// the schema verdict of each section; the verdict on each split mapping
// whose entries the schema judges only together (a channel cut into its
// fields), validated as one value again only when one of its sections
// changed; and the verdict on the document's skeleton (its split keys,
// with schemas.Hole for the values validated apart, validated again only
// when the skeleton changed); the "$ref"
// verdicts, kept until an edit changes an entry their pointer passed
// (verdicts.go); duplicate keys, the version, UTF-8. The Document gets a
// tree built on first use (materialize.go): only a version a request or a
// rule reads pays for copying moved sections to their offsets. The rules
// then run on it through analysis.AnalyzeContext, beside the cached
// findings (Options.Checks).
//
// Whatever the splitter does not understand goes the whole way: JSON, a
// syntax error in any section (the error of the whole text may depend on
// the sections around it), document markers or flow collections at column 0,
// a "<<" merge key, a "$ref" beside split keys or an alias-heavy document at
// a split level, a section whose indentation does not match its siblings',
// a reference cycle, a text over the limits. A randomized test checks after
// thousands of edits that both paths give the same diagnostics and the same
// tree, and that every cached fact (the plan, the sections' totals) equals
// the fact computed afresh.
//
// Parse uses the same splitter for a one-shot parse (`asyncapi-ls check`):
// neighbouring sections joined into a few big ones, parsed on every core.
package incremental
