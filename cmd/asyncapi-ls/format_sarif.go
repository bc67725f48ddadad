package main

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/rules"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: one run, the tool's
// rules with their help links, and results with physical locations relative
// to the repository (uriBaseId %SRCROOT%).

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
	// columnKind: our columns count Unicode code points.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level   string `json:"level"`
	Enabled bool   `json:"enabled"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func writeSARIF(w io.Writer, results []fileResult) error {
	driver := sarifDriver{Name: "asyncapi-ls", Version: version, InformationURI: "https://www.asyncapi.com/docs/reference/specification/v3.1.0"}
	index := map[string]int{}
	addRule := func(id, desc, help string, level analysis.Severity) {
		if _, ok := index[id]; ok {
			return
		}
		index[id] = len(driver.Rules)
		cfg := sarifConfig{Level: sarifLevel(level.String()), Enabled: level != analysis.SeverityOff}
		if level == analysis.SeverityOff {
			cfg.Level = "none"
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{desc}, HelpURI: help, DefaultConfiguration: cfg})
	}
	for _, r := range rules.All() {
		addRule(r.Code, r.Description, r.DocURL, r.Severity)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	for _, r := range results {
		uri, base := artifactURI(r.Path)
		for _, d := range r.Diagnostics {
			if _, ok := index[d.Code]; !ok {
				addRule(d.Code, "Structure and syntax: "+d.Code+".", d.DocURL, analysis.SeverityError)
				run.Tool.Driver = driver
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: d.Code, RuleIndex: index[d.Code], Level: sarifLevel(d.Severity), Message: sarifMessage{d.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
					Region:           sarifRegion{StartLine: d.Line, StartColumn: d.Column, EndLine: d.EndLine, EndColumn: max(d.EndColumn, d.Column)},
				}}},
			})
		}
	}
	run.Tool.Driver = driver
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// artifactURI gives a relative URI against the source root (code scanning
// maps it onto the repository), or an absolute file URI; both escaped, so
// that "#", "%" and spaces in names stay part of the path.
func artifactURI(path string) (string, string) {
	if !filepath.IsAbs(path) {
		rel := filepath.ToSlash(filepath.Clean(path))
		if !strings.HasPrefix(rel, "../") {
			return (&url.URL{Path: rel}).String(), "%SRCROOT%"
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return refs.FileURI(filepath.ToSlash(abs)), ""
}
