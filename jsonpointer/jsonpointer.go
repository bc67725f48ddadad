// Package jsonpointer owns JSON pointers (RFC 6901): escaping and unescaping
// one reference token, writing tokens as a pointer and splitting a pointer
// into tokens. Every place that reads or writes a pointer uses it: the
// "$ref" keys of analysis/refs, the schema locations of schemas/, the
// pointers completion and the rules write.
//
// It sits at the bottom of the import graph and imports nothing of the
// module, so that schemas/ (which must not import analysis/) and analysis/
// share it. URI fragments (percent-encoding) are analysis/refs' business.
package jsonpointer

import "strings"

// Escape writes a token for a pointer: "~" → "~0" first, then "/" → "~1".
func Escape(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// Unescape reads a token of a pointer: "~1" → "/" first, then "~0" → "~"
// (so "~01" is "~1", not "/").
func Unescape(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}

// Format writes tokens as a pointer: "" for none, else "/a/b~1c".
func Format(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(Escape(t))
	}
	return b.String()
}

// Split reads a pointer into its unescaped tokens: "" is the whole
// document (no tokens); anything else must start with "/" (ok is false
// otherwise).
func Split(ptr string) (tokens []string, ok bool) {
	if ptr == "" {
		return nil, true
	}
	if ptr[0] != '/' {
		return nil, false
	}
	tokens = strings.Split(ptr[1:], "/")
	for i, t := range tokens {
		tokens[i] = Unescape(t)
	}
	return tokens, true
}
