// Package ruleset reads Spectral rulesets (.spectral.yaml, .spectral.yml,
// .spectral.json and the files they extend) and turns them into
// analysis.Rules that run beside the built-in ones: "given" paths in
// Spectral's JSONPath dialect (github.com/theory/jsonpath plus the
// JSONPath-Plus extensions), Spectral's core functions, messages, severities,
// formats, aliases and overrides. `extends: spectral:asyncapi` maps onto the
// built-in rules by their Spectral names (analysis.Rule.Aliases).
//
// Rules read the document resolved (references replaced by their targets,
// across files) or as written, and report each finding where its node is
// written. The rules of one pass share the two views of the document,
// where each reference leads, and the places each path prefix selects from
// the root (several rules often start with the same alias). Mistakes in a
// ruleset are Problems with byte offsets into the ruleset file; the
// package also answers completion and hover inside ruleset files.
//
// It reads files through a caller's function (open buffers first) and never
// fetches from the network itself (analysis/config finds ruleset files).
// It must not import go.lsp.dev, server/, cmd/ or analysis/config, and must
// not log.
package ruleset
