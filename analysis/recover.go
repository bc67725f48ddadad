package analysis

import (
	"bytes"
	"regexp"
	"strings"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/schemas"
)

// maxRecoveryRounds bounds how many times a broken YAML text is repaired
// and parsed again.
const maxRecoveryRounds = 3

// maxRecoveredSize is the largest text recovered: on bigger ones a whole
// parse and check per keystroke that breaks the YAML would cost more than
// it is worth while typing.
const maxRecoveredSize = 1 << 20

// recoveredStructure checks the structure of a YAML document that does not
// parse, as the official parser does with what its tolerant YAML reader
// makes of it: each line a syntax error is on is blanked (the offsets of
// the rest stay), and when the text then parses, the structure check's
// findings on it are returned. So one broken line does not hide every other
// problem of the document. Nil when the text cannot be recovered.
func recoveredStructure(d *Document, opts Options) []Diagnostic {
	f := d.File()
	if d.Format() != syntax.YAML || f.TooLarge || len(f.Errors) == 0 || len(d.Text) > maxRecoveredSize {
		return nil
	}
	text := bytes.Clone(d.Text)
	errs := f.Errors
	var blanked []string // the lines taken out
	for range maxRecoveryRounds {
		for _, e := range errs {
			blanked = append(blanked, blankLine(text, e.Start))
		}
		repaired := NewDocument(d.URI, d.Version, text)
		if rf := repaired.File(); rf.Root == nil || len(rf.Errors) > 0 {
			errs = rf.Errors
			if len(errs) == 0 {
				return nil
			}
			continue
		}
		if !repaired.IsAsyncAPI() {
			return nil
		}
		version, ok, _ := CheckVersion(repaired.Root())
		if !ok {
			return nil
		}
		var out []Diagnostic
		for _, diag := range structure(&Pass{Doc: repaired, Root: repaired.Root(), Version: version, Options: opts}) {
			if diag.Code == schemas.MissingKey.Code() && definesMissingKey(blanked, diag.Message) {
				continue // not missing: the broken line holds it
			}
			out = append(out, diag)
		}
		return out
	}
	return nil
}

// definesMissingKey reports whether one of lines is an entry of the key a
// missing-key message names.
func definesMissingKey(lines []string, msg string) bool {
	_, rest, ok := strings.Cut(msg, `key "`)
	key, _, closed := strings.Cut(rest, `"`)
	if !ok || !closed {
		return false
	}
	entry := regexp.MustCompile(`^[\s-]*["']?` + regexp.QuoteMeta(key) + `["']?\s*:`)
	for _, l := range lines {
		if entry.MatchString(l) {
			return true
		}
	}
	return false
}

// blankLine replaces the line holding offset with spaces, its line end
// kept, and returns what the line held.
func blankLine(text []byte, offset int) string {
	offset = min(offset, len(text))
	start := bytes.LastIndexByte(text[:offset], '\n') + 1
	end := bytes.IndexByte(text[offset:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += offset
	}
	was := string(text[start:end])
	for i := start; i < end; i++ {
		if text[i] != '\r' {
			text[i] = ' '
		}
	}
	return was
}
