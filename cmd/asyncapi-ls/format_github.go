package main

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request.
func writeGitHub(w io.Writer, results []fileResult) error {
	for _, r := range results {
		for _, d := range r.Diagnostics {
			kind := "notice"
			switch d.Severity {
			case "error":
				kind = "error"
			case "warning":
				kind = "warning"
			}
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", kind,
				escapeProperty(r.Path), d.Line, d.Column, d.EndLine, d.EndColumn, escapeProperty(d.Code), escapeData(d.Message))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
