package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
)

// ruleInfo is one rule as `asyncapi-ls rules` shows it.
type ruleInfo struct {
	Code    string   `json:"code"`
	Aliases []string `json:"aliases,omitempty"`
	// Level is the default level, StrictLevel the one in strict mode:
	// "error/warning" where the official parser rejects some findings only.
	Level       string `json:"level"`
	StrictLevel string `json:"strictLevel"`
	// Parser says whether the official parser rejects documents for what
	// the rule finds: "yes", "no", or for which versions or findings.
	Parser      string `json:"parser"`
	ParserOnly  string `json:"parserOnly,omitempty"`
	Versions    string `json:"versions"`
	Description string `json:"description"`
	DocURL      string `json:"docUrl"`
}

// runListRules prints every rule with its default level, whether the
// official parser enforces it, and its versions.
func runListRules(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("rules", flag.ContinueOnError)
	fset.SetOutput(stderr)
	format := fset.String("format", "text", "text or json")
	if err := fset.Parse(args); err != nil || fset.NArg() > 0 || *format != "text" && *format != "json" {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var infos []ruleInfo
	for _, r := range rules.All() {
		infos = append(infos, describeRule(r))
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(infos); err != nil {
			return 2
		}
		return 0
	}
	fmt.Fprintf(stdout, "%-52s %-13s %-14s %-14s %s\n", "CODE", "LEVEL", "PARSER", "VERSIONS", "DESCRIPTION")
	for _, r := range infos {
		fmt.Fprintf(stdout, "%-52s %-13s %-14s %-14s %s\n", r.Code, r.Level, r.Parser, r.Versions, r.Description)
		if r.ParserOnly != "" {
			fmt.Fprintf(stdout, "%-52s the official parser rejects only these: %s\n", "", r.ParserOnly)
		}
		if len(r.Aliases) > 0 {
			fmt.Fprintf(stdout, "%-52s also: %s\n", "", strings.Join(r.Aliases, ", "))
		}
	}
	fmt.Fprintln(stdout, "\nPARSER says whether the official AsyncAPI parser rejects a document for what the rule finds.\n"+
		"What the specification requires but the parser does not check is a warning; strict mode makes it an error.")
	return 0
}

func describeRule(r analysis.Rule) ruleInfo {
	info := ruleInfo{Code: r.Code, Aliases: r.Aliases, Versions: r.Versions.String(), Description: r.Description, DocURL: r.DocURL,
		Level: levelName(r.Severity), StrictLevel: levelName(r.Severity), Parser: "no"}
	if r.Parser != nil {
		info.Parser, info.ParserOnly = "yes", r.Parser.Only
		if r.Parser.Versions != r.Versions && r.Parser.Versions != analysis.AllVersions {
			info.Parser = r.Parser.Versions.String()
		}
		if info.ParserOnly != "" && info.Parser == "yes" {
			info.Parser = "partly"
		}
	}
	if r.Severity == analysis.SeverityError {
		switch {
		case r.Parser == nil:
			info.Level = "warning"
		case info.Parser != "yes":
			info.Level = "error/warning"
		}
	}
	return info
}

func levelName(s analysis.Severity) string {
	if s == analysis.SeverityOff {
		return "off"
	}
	return s.String()
}
