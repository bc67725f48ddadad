package main

import (
	"fmt"
	"io"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
)

// runListRules prints every rule with its default level and versions.
func runListRules(stdout io.Writer) int {
	for _, r := range rules.All() {
		level := r.Severity.String()
		if r.Severity == analysis.SeverityOff {
			level = "off"
		}
		fmt.Fprintf(stdout, "%-52s %-7s %-14s %s\n", r.Code, level, r.Versions, r.Description)
		if len(r.Aliases) > 0 {
			fmt.Fprintf(stdout, "%-52s also: %s\n", "", strings.Join(r.Aliases, ", "))
		}
	}
	return 0
}
