package main

import (
	"encoding/json"
	"fmt"
	"io"
)

// writeText prints file:line:col: severity: message [code], one a line.
func writeText(w io.Writer, results []fileResult) error {
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", r.Path, d.Line, d.Column, d.Severity, d.Message, d.Code); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeJSON prints every file with its diagnostics as one JSON array.
func writeJSON(w io.Writer, results []fileResult) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}
