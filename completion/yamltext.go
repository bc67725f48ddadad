package completion

import (
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// scalarText writes a string value so that it reads back as that string in
// the document's notation.
func (st *state) scalarText(s string) string {
	if st.req.Format == syntax.JSON {
		return strconv.Quote(s)
	}
	if st.needsQuotes(s) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// needsQuotes reports whether s must be quoted at the cursor: as a plain
// YAML scalar, and inside a flow collection without its indicators.
func (st *state) needsQuotes(s string) bool {
	return needsQuotes(s) || st.ctx.Flow && strings.ContainsAny(s, ",[]{}")
}

// needsQuotes reports whether a plain YAML scalar would not read back as
// this string: empty, a number, bool or null look-alike, or special syntax.
func needsQuotes(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return true
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return true
	}
	if _, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err == nil {
		return true
	}
	if strings.ContainsAny(s[:1], "#&*!|>'\"%@`{}[],?:") || s[0] == '-' && (len(s) == 1 || s[1] == ' ') {
		return true
	}
	return strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":")
}

// valueInsert writes a completed value, honouring a quote the user opened.
func (st *state) valueInsert(s string) string {
	prefix := ""
	if st.ctx.NeedsSpace && st.req.Format == syntax.YAML {
		prefix = " "
	}
	if st.ctx.Quote != 0 {
		q := string(st.ctx.Quote)
		escaped := s
		if st.ctx.Quote == '\'' {
			escaped = strings.ReplaceAll(s, "'", "''")
		} else {
			escaped = strings.Trim(strconv.Quote(s), `"`)
		}
		return q + escaped + q
	}
	return prefix + st.scalarText(s)
}
