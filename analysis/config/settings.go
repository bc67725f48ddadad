package config

import (
	"encoding/json"
	"fmt"
	"sort"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/syntax"
)

// FromSettings reads the editor's "asyncapi" settings section, as JSON
// decodes it: {"rules": {"<code>": "off|hint|info|warning|error"}, "strict":
// true}. Flat keys ("rules.<code>") are accepted too, since some editors send
// them so.
func FromSettings(section any) (*Config, []Problem) {
	cfg := &Config{Levels: map[string]analysis.Severity{}}
	m, ok := section.(map[string]any)
	if section == nil {
		return cfg, nil
	}
	if !ok {
		return cfg, []Problem{{Message: "The asyncapi settings must be an object."}}
	}
	var problems []Problem
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		switch {
		case k == "rules":
			rs, ok := v.(map[string]any)
			if !ok && v != nil {
				problems = append(problems, Problem{Message: "asyncapi.rules must map diagnostic codes to levels."})
				continue
			}
			codes := make([]string, 0, len(rs))
			for c := range rs {
				codes = append(codes, c)
			}
			sort.Strings(codes)
			for _, c := range codes {
				problems = append(problems, settingLevel(cfg, c, rs[c])...)
			}
		case k == "ruleset":
			if path, ok := v.(string); ok {
				cfg.Ruleset = path
			} else if v != nil {
				problems = append(problems, Problem{Message: "asyncapi.ruleset names a Spectral ruleset file."})
			}
		case len(k) > len("rules.") && k[:len("rules.")] == "rules.":
			problems = append(problems, settingLevel(cfg, k[len("rules."):], v)...)
		case k == "strict":
			b, ok := v.(bool)
			if !ok && v != nil {
				problems = append(problems, Problem{Message: "asyncapi.strict must be true or false."})
			}
			cfg.Strict = b
		default:
			// Other settings belong to other features.
		}
	}
	return cfg, problems
}

func settingLevel(cfg *Config, code string, v any) []Problem {
	level := fmt.Sprint(v)
	if b, ok := v.(bool); ok && !b {
		level = "off"
	}
	if err := setLevel(cfg.Levels, code, level, nil); err != nil {
		return []Problem{{Message: "Setting asyncapi.rules." + code + ": " + err.Error()}}
	}
	return nil
}

// Settings is the editor's "asyncapi" settings section, decoded once for
// every feature that reads it. A setting the section does not give is nil:
// the current choice stays.
type Settings struct {
	// Rules holds the rule levels (see FromSettings); nil when the text is
	// not JSON.
	Rules *Config
	// Remote lets "$ref"s to http(s) documents be fetched
	// (references.remote).
	Remote *bool
	// CodeLens shows "N references" above components (references.codeLens).
	CodeLens *bool
	// Limits are the largest document analysed (limits.maxDocumentMB,
	// limits.maxNodes; a field left zero keeps its default); nil when the
	// settings name none.
	Limits *syntax.Limits
}

// DecodeSettings reads the JSON a client sends for the "asyncapi" section
// (initializationOptions, workspace/configuration, didChangeConfiguration),
// or a wrapper object holding it under "asyncapi". Nested objects
// ({"references": {"remote": true}}) and flat keys ("references.remote")
// are read alike. One policy for every setting: what can be understood is
// applied; every mistake is a Problem; keys of other tools are left alone.
func DecodeSettings(raw []byte) (Settings, []Problem) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return Settings{}, []Problem{{Message: "The asyncapi settings are not valid JSON."}}
	}
	if m, ok := v.(map[string]any); ok {
		if inner, ok := m["asyncapi"]; ok {
			v = inner
		}
	}
	var s Settings
	var problems []Problem
	s.Rules, problems = FromSettings(v)
	m, _ := v.(map[string]any)
	refs, _ := m["references"].(map[string]any)
	if r, ok := m["references"]; ok && refs == nil && r != nil {
		problems = append(problems, Problem{Message: "asyncapi.references must be an object."})
	}
	for _, sw := range []struct {
		name string
		to   **bool
	}{{"remote", &s.Remote}, {"codeLens", &s.CodeLens}} {
		val, ok := refs[sw.name]
		if flat, isFlat := m["references."+sw.name]; isFlat {
			val, ok = flat, true
		}
		if !ok || val == nil {
			continue
		}
		if b, isBool := val.(bool); isBool {
			*sw.to = &b
			continue
		}
		problems = append(problems, Problem{Message: "asyncapi.references." + sw.name + " must be true or false."})
	}
	s.Limits, problems = decodeLimits(m, problems)
	return s, problems
}

// decodeLimits reads limits.maxDocumentMB and limits.maxNodes, nested or
// flat, whole positive numbers.
func decodeLimits(m map[string]any, problems []Problem) (*syntax.Limits, []Problem) {
	obj, _ := m["limits"].(map[string]any)
	if l, ok := m["limits"]; ok && obj == nil && l != nil {
		problems = append(problems, Problem{Message: "asyncapi.limits must be an object."})
	}
	var out *syntax.Limits
	for _, lim := range []struct {
		name  string
		scale int
		set   func(*syntax.Limits, int)
	}{
		{"maxDocumentMB", 1 << 20, func(l *syntax.Limits, n int) { l.Bytes = n }},
		{"maxNodes", 1, func(l *syntax.Limits, n int) { l.Nodes = n }},
	} {
		val, ok := obj[lim.name]
		if flat, isFlat := m["limits."+lim.name]; isFlat {
			val, ok = flat, true
		}
		if !ok || val == nil {
			continue
		}
		n, isNum := val.(float64)
		if !isNum || n < 1 || n != float64(int(n)) || n > float64(1<<40/lim.scale) {
			problems = append(problems, Problem{Message: "asyncapi.limits." + lim.name + " must be a whole number above 0."})
			continue
		}
		if out == nil {
			out = &syntax.Limits{}
		}
		lim.set(out, int(n)*lim.scale)
	}
	return out, problems
}
