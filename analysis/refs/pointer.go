package refs

import (
	"net/url"
	"strings"

	"asyncapi-ls/jsonpointer"
)

// Ref is a "$ref" value taken apart as written: its file part, not
// resolved, and its fragment decoded into pointer tokens.
type Ref struct {
	File    string   // the part before "#" as written; "" for the same document
	Pointer []string // unescaped tokens; empty for the whole document
}

// Parse takes a "$ref" value apart: the one parser of "$ref" values (Resolve
// builds on it). The fragment is percent-decoded first, then "~1" → "/" and
// "~0" → "~" per token, in that order.
func Parse(value string) (Ref, error) {
	file, fragment, _ := strings.Cut(value, "#")
	tokens, err := ParsePointer(fragment)
	return Ref{File: file, Pointer: tokens}, err
}

// ParsePointer decodes a fragment ("" or "/a/b") into tokens: percent-decoding
// first, then "~1" and "~0" per token.
func ParsePointer(fragment string) ([]string, error) {
	if fragment == "" {
		return nil, nil
	}
	decoded := fragment
	if strings.IndexByte(fragment, '%') >= 0 { // without one, unescaping changes nothing (it runs for every reference)
		var err error
		if decoded, err = url.PathUnescape(fragment); err != nil {
			return nil, ErrBadURI
		}
	}
	tokens, ok := jsonpointer.Split(decoded)
	if !ok {
		return nil, ErrBadPointer
	}
	return tokens, nil
}

// UnescapeToken undoes "~1" then "~0" (see jsonpointer).
func UnescapeToken(tok string) string { return jsonpointer.Unescape(tok) }

// EscapeToken writes a token for a pointer: "~" → "~0" first, then "/" → "~1"
// (see jsonpointer).
func EscapeToken(tok string) string { return jsonpointer.Escape(tok) }

// FormatPointer writes tokens as a JSON pointer (not percent-encoded).
func FormatPointer(tokens []string) string { return jsonpointer.Format(tokens) }

// FragmentToken writes a token as it must appear in a URI fragment: pointer
// escapes, then percent-encoding of everything a fragment may not hold as is.
func FragmentToken(tok string) string {
	tok = EscapeToken(tok)
	var b strings.Builder
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if fragmentSafe(c) {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// fragmentSafe: RFC 3986 unreserved and sub-delims, ":" and "@".
func fragmentSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0
}
