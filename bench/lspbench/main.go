package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// docList lets -doc be given more than once.
type docList []string

func (d *docList) String() string     { return strings.Join(*d, ",") }
func (d *docList) Set(v string) error { *d = append(*d, v); return nil }

func main() {
	var docs docList
	flag.Var(&docs, "doc", "document to open (repeatable; extra arguments are documents too)")
	command := flag.String("server", "", `server command line, run by /bin/sh, e.g. "asyncapi-ls" or "node .../yaml-language-server --stdio"`)
	name := flag.String("name", "", "label for the server in reports (default: first word of -server)")
	preset := flag.String("preset", "auto", "settings preset: auto, yamlls or none")
	schemaDir := flag.String("schema-dir", "bench/peers/node_modules/@asyncapi/specs/schemas", "folder of the official <version>-without-$id.json schemas (yamlls preset)")
	extra := flag.String("settings", "", "JSON object answered to workspace/configuration (merged over the preset)")
	root := flag.String("root", "", "workspace root (default: the document's folder)")
	iterations := flag.Int("n", 30, "requests per kind")
	npos := flag.Int("positions", 6, "distinct positions per request kind")
	edits := flag.Int("edits", 60, "single-character edits (insert, then delete)")
	timeout := flag.Duration("timeout", 30*time.Second, "per-request timeout")
	editTimeout := flag.Duration("edit-timeout", 30*time.Second, "per-edit wait for diagnostics")
	openTimeout := flag.Duration("open-timeout", 120*time.Second, "wait for the first diagnostics after didOpen")
	quiet := flag.Duration("quiet", 150*time.Millisecond, "no publish for this long counts as settled")
	deadline := flag.Duration("deadline", 20*time.Minute, "limit for one document's whole run")
	workspace := flag.Bool("workspace", false, "the root is a workspace of many files: time its indexing (work-done progress) and renames across it")
	rest := flag.Duration("rest", 0, "after the edits, leave the server alone until its processor time stops growing, at most this long (0: no rest)")
	jsonOut := flag.String("json", "", "write results as JSON to this file (- for stdout)")
	stderrLog := flag.String("server-log", "", "copy the server's stderr to this file")
	flag.Parse()
	docs = append(docs, flag.Args()...)

	if *command == "" || len(docs) == 0 {
		fmt.Fprintln(os.Stderr, "usage: lspbench -server CMD -doc FILE [-doc FILE...] [flags]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if *name == "" {
		*name = filepath.Base(strings.Fields(*command)[0])
		if strings.Contains(*command, "yaml-language-server") {
			*name = "yaml-language-server"
		}
	}
	usePreset := *preset == "yamlls" || (*preset == "auto" && strings.Contains(*command, "yaml-language-server"))
	var extraSettings settings
	if *extra != "" {
		if err := json.Unmarshal([]byte(*extra), &extraSettings); err != nil {
			fatal("-settings: %v", err)
		}
	}
	logTo, closeLog, err := fileWriter(*stderrLog)
	if err != nil {
		fatal("%v", err)
	}
	defer closeLog()

	var results []*Result
	for _, doc := range docs {
		cfg := config{
			name: *name, command: *command, doc: doc, root: *root,
			iterations: *iterations, positions: *npos, edits: *edits,
			timeout: *timeout, editTimeout: *editTimeout, openTimeout: *openTimeout,
			quiet: *quiet, deadline: *deadline, stderr: logTo, settings: settings{}, workspace: *workspace,
			rest: *rest,
		}
		if cfg.root == "" {
			cfg.root = filepath.Dir(doc)
		}
		if usePreset {
			text, err := os.ReadFile(doc)
			if err != nil {
				fatal("%v", err)
			}
			schema, err := schemaForDoc(*schemaDir, text)
			if err != nil {
				fatal("yamlls preset: %v (run bench/peers.sh, or pass -schema-dir)", err)
			}
			cfg.settings = yamlLSSettings(schema, doc)
		}
		for k, v := range extraSettings {
			cfg.settings[k] = v
		}
		r := run(cfg)
		writeTable(os.Stdout, r)
		results = append(results, r)
	}
	if *jsonOut != "" {
		data, _ := json.MarshalIndent(results, "", "  ")
		data = append(data, '\n')
		if *jsonOut == "-" {
			os.Stdout.Write(data)
		} else if err := os.WriteFile(*jsonOut, data, 0o644); err != nil {
			fatal("%v", err)
		}
	}
	for _, r := range results {
		if len(r.Errors) > 0 {
			os.Exit(1)
		}
	}
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "lspbench: "+format+"\n", args...)
	os.Exit(2)
}
