package config

import (
	"fmt"
	"sort"

	"asyncapi-ls/analysis"
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
