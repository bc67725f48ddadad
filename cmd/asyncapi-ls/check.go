package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"asyncapi-ls/analysis"
)

// maxCheckFileSize keeps check from reading huge or endless files.
const maxCheckFileSize = 64 << 20

type fileResult struct {
	Path        string            `json:"file"`
	Diagnostics []checkDiagnostic `json:"diagnostics"`
}

type checkDiagnostic struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Severity  string `json:"severity"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	DocURL    string `json:"docUrl,omitempty"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	format := fset.String("format", "text", "text or json")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if fset.NArg() == 0 || (*format != "text" && *format != "json") {
		fmt.Fprint(stderr, usage)
		return 2
	}
	files, ioErr := collectFiles(fset.Args(), stderr)
	var results []fileResult
	failed := false
	for _, path := range files {
		res, err := checkFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
			ioErr = true
			continue
		}
		if res == nil {
			continue
		}
		for _, d := range res.Diagnostics {
			failed = failed || d.Severity == "error"
		}
		results = append(results, *res)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if results == nil {
			results = []fileResult{}
		}
		enc.Encode(results)
	} else {
		for _, r := range results {
			for _, d := range r.Diagnostics {
				fmt.Fprintf(stdout, "%s:%d:%d: %s: %s [%s]\n", r.Path, d.Line, d.Column, d.Severity, d.Message, d.Code)
			}
		}
	}
	switch {
	case ioErr:
		return 2
	case failed:
		return 1
	}
	return 0
}

// collectFiles expands folders into their YAML and JSON files.
func collectFiles(args []string, stderr io.Writer) ([]string, bool) {
	var files []string
	ioErr := false
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
			ioErr = true
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && path != arg && (d.Name() == "node_modules" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && slices.Contains([]string{".yaml", ".yml", ".json"}, strings.ToLower(filepath.Ext(path))) {
				files = append(files, path)
			}
			return nil
		})
	}
	return files, ioErr
}

// checkFile analyses one file; nil means it is not an AsyncAPI document.
func checkFile(path string) (*fileResult, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if info.Size() > maxCheckFileSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, maxCheckFileSize>>20)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc := analysis.NewDocument(path, 1, text)
	if !doc.IsAsyncAPI() {
		return nil, nil
	}
	res := &fileResult{Path: path, Diagnostics: []checkDiagnostic{}}
	for _, d := range analysis.Analyze(doc, analysis.Options{}) {
		line, col := doc.Mapper.Column(d.Start)
		endLine, endCol := doc.Mapper.Column(d.End)
		res.Diagnostics = append(res.Diagnostics, checkDiagnostic{Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message, DocURL: d.DocURL})
	}
	return res, nil
}
