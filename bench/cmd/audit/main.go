// Command audit runs the completion and hover audit of bench/audit over the
// official corpus and the realworld-dev documents, for one or more server
// builds in the same run, and prints one table per corpus:
//
//	go build -o /tmp/after ./cmd/asyncapi-ls
//	go run ./bench/cmd/audit -server before=/tmp/before -server after=/tmp/after
//
// The official corpus is read from ../shared/corpus/official (-official),
// the realworld-dev documents from $ASYNCAPI_LS_REALWORLD (-realworld) with
// the manifest beside the corpus (-manifest); a corpus that is absent is
// skipped.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"asyncapi-ls/bench/audit"
)

type serverList []string

func (s *serverList) String() string     { return strings.Join(*s, ",") }
func (s *serverList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	var servers serverList
	flag.Var(&servers, "server", "NAME=COMMAND of a server to audit (repeatable)")
	official := flag.String("official", "../shared/corpus/official", "the official corpus folder")
	realworld := flag.String("realworld", os.Getenv("ASYNCAPI_LS_REALWORLD"), "the extracted realworld-dev folder")
	manifest := flag.String("manifest", "../shared/corpus/realworld-dev/manifest.json", "the realworld-dev manifest")
	perDoc := flag.Int("per-doc", 0, "cap of probes of each kind per document (0: all)")
	jsonOut := flag.String("json", "", "write the reports as JSON to this file")
	misses := flag.Bool("misses", false, "list where each server missed")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout")
	flag.Parse()
	if len(servers) == 0 {
		fmt.Fprintln(os.Stderr, "usage: audit -server NAME=COMMAND [-server NAME=COMMAND...]")
		os.Exit(2)
	}
	var corpora []audit.Corpus
	if c, err := audit.OfficialCorpus(*official); err == nil {
		corpora = append(corpora, c)
	} else {
		fmt.Fprintln(os.Stderr, "audit: official corpus skipped:", err)
	}
	if *realworld != "" {
		if c, err := audit.RealworldCorpus(*realworld, *manifest); err == nil {
			corpora = append(corpora, c)
		} else {
			fmt.Fprintln(os.Stderr, "audit: realworld-dev skipped:", err)
		}
	}
	limits := audit.Limits{}
	if *perDoc > 0 {
		for _, k := range []audit.ProbeKind{audit.HoverKeyword, audit.CompleteKey, audit.CompleteLocalRef, audit.CompleteFileRef, audit.Definition, audit.References} {
			limits[k] = *perDoc
		}
	}
	var all []*audit.Report
	failed := false
	for _, c := range corpora {
		var reports []*audit.Report
		for _, s := range servers {
			name, command, ok := strings.Cut(s, "=")
			if !ok {
				name, command = s, s
			}
			r, err := audit.Run(name, command, c, audit.Options{Limits: limits, Timeout: *timeout})
			if err != nil {
				fmt.Fprintf(os.Stderr, "audit: %s on %s: %v\n", name, c.Name, err)
				failed = true
				continue
			}
			reports = append(reports, r)
		}
		audit.WriteTable(os.Stdout, reports)
		if *misses {
			for _, r := range reports {
				audit.WriteMisses(os.Stdout, r)
			}
		}
		all = append(all, reports...)
	}
	if *jsonOut != "" {
		data, _ := json.MarshalIndent(all, "", "  ")
		if err := os.WriteFile(*jsonOut, append(data, '\n'), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "audit:", err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}
