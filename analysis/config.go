package analysis

import "strings"

// SeverityOff is a configured level that drops a diagnostic altogether, and
// the default of rules that must be turned on.
const SeverityOff Severity = -1

// ParseLevel reads a configured level: off, hint, info, warning or error
// (also "warn", "information" and Spectral's numbers 0–3 are accepted).
func ParseLevel(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "false", "-1":
		return SeverityOff, true
	case "hint", "3":
		return SeverityHint, true
	case "info", "information", "2":
		return SeverityInformation, true
	case "warning", "warn", "1":
		return SeverityWarning, true
	case "error", "0":
		return SeverityError, true
	}
	return 0, false
}

// Config is what users choose: a level per diagnostic code, and strict
// mode. The zero value keeps every default. Codes are canonical (aliases
// already mapped).
type Config struct {
	Levels map[string]Severity
	// Strict makes errors of what the specification requires but the
	// official parser does not reject (Diagnostic.BeyondParser); otherwise
	// they are warnings.
	Strict bool
}

// beyondParserNote ends the message of every finding the official parser
// would not report, so that a user knows why it is (or is only) a warning.
const beyondParserNote = " The specification requires this; the official parser does not check it."

// ruleSeverity is the level a rule runs at, and whether it was configured.
func (c *Config) ruleSeverity(r *Rule) (Severity, bool) {
	if c != nil {
		if s, ok := c.Levels[r.Code]; ok {
			return s, true
		}
		for _, a := range r.Aliases {
			if s, ok := c.Levels[a]; ok {
				return s, true
			}
		}
	}
	return r.Severity, false
}

// apply sets the level of diagnostics of any origin (structure and syntax
// codes can be configured too): the configured one, else for a finding
// beyond the official parser a warning outside strict mode; it drops those
// turned off.
func (c *Config) apply(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		if d.BeyondParser && d.Severity == SeverityError {
			d.Message += beyondParserNote
			if c == nil || !c.Strict {
				d.Severity = SeverityWarning
			}
		}
		if c != nil {
			if s, ok := c.Levels[d.Code]; ok {
				if s == SeverityOff {
					continue
				}
				d.Severity = s
			}
		}
		out = append(out, d)
	}
	return out
}
