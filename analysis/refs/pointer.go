package refs

import (
	"net/url"
	"strings"
)

// ParsePointer decodes a fragment ("" or "/a/b") into tokens: percent-decoding
// first, then "~1" and "~0" per token.
func ParsePointer(fragment string) ([]string, error) {
	if fragment == "" {
		return nil, nil
	}
	decoded, err := url.PathUnescape(fragment)
	if err != nil {
		return nil, ErrBadURI
	}
	if !strings.HasPrefix(decoded, "/") {
		return nil, ErrBadPointer
	}
	parts := strings.Split(decoded[1:], "/")
	for i, tok := range parts {
		parts[i] = UnescapeToken(tok)
	}
	return parts, nil
}

// UnescapeToken undoes "~1" then "~0".
func UnescapeToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}

// EscapeToken writes a token for a pointer: "~" → "~0" first, then "/" → "~1".
func EscapeToken(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// FormatPointer writes tokens as a JSON pointer (not percent-encoded).
func FormatPointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(EscapeToken(t))
	}
	return b.String()
}

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
