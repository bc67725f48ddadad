// Command report reads the JSON records of lspbench and cmdbench from a
// folder and prints one table comparing our tools with each peer on the
// same documents, with the ratio ours/peer (below 1: ours is faster or
// smaller).
//
//	report -ours asyncapi-ls bench/out/results
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"asyncapi-ls/bench/internal/results"
)

func main() {
	ours := flag.String("ours", "asyncapi-ls", "name of our server and prefix of our CLI records")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: report [-ours NAME] RESULTS_DIR")
		os.Exit(2)
	}
	lsp, cli, err := load(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	var checkers, baselines []results.CLI
	for _, c := range cli {
		if c.Baseline {
			baselines = append(baselines, c)
		} else {
			checkers = append(checkers, c)
		}
	}
	rows := append(lspRows(lsp, *ours), baselineRows(lsp, baselines, *ours)...)
	rows = append(rows, cliRows(checkers, *ours)...)
	print(os.Stdout, rows)
}

// load reads every *.json file: an array is lspbench output, an object
// with wall_ms is a cmdbench record.
func load(dir string) ([]results.LSP, []results.CLI, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, nil, err
	}
	var lsp []results.LSP
	var cli []results.CLI
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		var many []results.LSP
		if json.Unmarshal(data, &many) == nil {
			lsp = append(lsp, many...)
			continue
		}
		var one results.CLI
		if err := json.Unmarshal(data, &one); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", f, err)
		}
		cli = append(cli, one)
	}
	return lsp, cli, nil
}

// row is one line of the table. A negative value means "not measured".
type row struct {
	doc, measure, peer string
	ours, theirs       float64
	oursNote, peerNote string
	unit               string
	load               [2]float64 // 1-minute load average when ours and the peer were measured
}

func isOurs(name, ours string) bool { return name == ours || strings.HasPrefix(name, ours+" ") }

func docKey(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func lspRows(all []results.LSP, ours string) []row {
	byDoc := map[string][]results.LSP{}
	for _, r := range all {
		byDoc[docKey(r.Doc)] = append(byDoc[docKey(r.Doc)], r)
	}
	var out []row
	for _, doc := range sortedKeys(byDoc) {
		var our *results.LSP
		var peers []results.LSP
		for i, r := range byDoc[doc] {
			if isOurs(r.Server, ours) {
				our = &byDoc[doc][i]
			} else {
				peers = append(peers, r)
			}
		}
		if len(peers) == 0 && our != nil {
			peers = []results.LSP{{Server: "(no peer)"}}
		}
		for _, p := range peers {
			out = append(out, compareLSP(doc, our, p)...)
		}
	}
	return out
}

// metric pulls one figure and a note (item counts, failures) from a record.
type metric struct {
	name string
	unit string
	get  func(r *results.LSP) (float64, string)
}

func lspMetrics(requestNames []string) []metric {
	ms := []metric{
		{"initialize", "ms", func(r *results.LSP) (float64, string) { return r.InitializeMS, "" }},
		{"workspace indexed", "ms", func(r *results.LSP) (float64, string) {
			switch ws := r.Workspace; {
			case ws == nil:
				return -2, "" // not a workspace run: no row
			case !ws.Reported:
				return -1, "no progress reported"
			default:
				return ws.IndexedMS, fmt.Sprintf("%d files", ws.Files)
			}
		}},
		{"open -> first diagnostics", "ms", func(r *results.LSP) (float64, string) {
			if r.Open.TimedOut {
				return -1, "timeout"
			}
			return r.Open.FirstMS, fmt.Sprintf("%d diags", r.Open.FirstCount)
		}},
		{"change -> diagnostics p50", "ms", func(r *results.LSP) (float64, string) { return changeFigure(r, r.Change.LatencyMS.P50) }},
		{"change -> diagnostics p99", "ms", func(r *results.LSP) (float64, string) { return changeFigure(r, r.Change.LatencyMS.P99) }},
	}
	for _, name := range requestNames {
		for _, pct := range []string{"p50", "p99"} {
			ms = append(ms, metric{name + " " + pct, "ms", func(r *results.LSP) (float64, string) {
				return requestFigure(r, name, pct)
			}})
		}
	}
	ms = append(ms, metric{"rest: busy after the last edit", "ms", func(r *results.LSP) (float64, string) {
		switch rest := r.Rest; {
		case rest == nil:
			return -2, ""
		case !rest.Idle:
			return rest.BusyMS, "still busy"
		default:
			return rest.BusyMS, fmt.Sprintf("%.0f ms CPU", rest.CPUMS)
		}
	}},
		metric{"memory (VmHWM) to the last edit", "MB", func(r *results.LSP) (float64, string) { return typingHWM(r), "" }},
		metric{"memory (VmHWM), whole session", "MB", func(r *results.LSP) (float64, string) { return r.Memory.HWMMB, "" }},
		metric{"server CPU, whole session", "s", func(r *results.LSP) (float64, string) { return r.CPUS, "" }})
	return ms
}

// typingHWM is the peak to the last edit; records from before the rest was
// measured have the session's peak only.
func typingHWM(r *results.LSP) float64 {
	if r.Memory.TypingHWMMB > 0 {
		return r.Memory.TypingHWMMB
	}
	return r.Memory.HWMMB
}

func changeFigure(r *results.LSP, v float64) (float64, string) {
	if r.Change.Edits == 0 {
		return -1, fmt.Sprintf("no answer (%d t/o)", r.Change.Timeouts)
	}
	note := ""
	if r.Change.Timeouts > 0 {
		note = fmt.Sprintf("%d t/o", r.Change.Timeouts)
	}
	return v, note
}

func requestFigure(r *results.LSP, name, pct string) (float64, string) {
	for _, q := range r.Requests {
		if q.Name != name {
			continue
		}
		switch {
		case q.Unsupported:
			return -1, "unsupported"
		case q.N == 0:
			return -1, "failed"
		}
		v := q.LatencyMS.P50
		if pct == "p99" {
			v = q.LatencyMS.P99
		}
		note := fmt.Sprintf("%.0f item", q.Items.P50)
		if q.Items.P50 != 1 {
			note += "s"
		}
		if q.Empty == q.N {
			note = "always empty"
		}
		return v, note
	}
	return -1, ""
}

func compareLSP(doc string, our *results.LSP, peer results.LSP) []row {
	var names []string
	seen := map[string]bool{}
	for _, r := range []*results.LSP{our, &peer} {
		if r == nil {
			continue
		}
		for _, q := range r.Requests {
			if !seen[q.Name] {
				seen[q.Name] = true
				names = append(names, q.Name)
			}
		}
	}
	var out []row
	for _, m := range lspMetrics(names) {
		rw := row{doc: doc, measure: m.name, peer: peer.Server, unit: m.unit, ours: -1, theirs: -1, load: [2]float64{-1, -1}}
		if our != nil {
			rw.ours, rw.oursNote = m.get(our)
			rw.load[0] = our.Load[0]
		}
		if peer.Doc != "" {
			rw.theirs, rw.peerNote = m.get(&peer)
			rw.load[1] = peer.Load[0]
		}
		if rw.ours == -2 && rw.theirs <= -1 || rw.theirs == -2 && rw.ours <= -1 {
			continue // a measure neither run took
		}
		rw.ours, rw.theirs = max(rw.ours, -1), max(rw.theirs, -1)
		out = append(out, rw)
	}
	return out
}

func cliRows(all []results.CLI, ours string) []row {
	byDoc := map[string][]results.CLI{}
	for _, r := range all {
		byDoc[docKey(r.Doc)] = append(byDoc[docKey(r.Doc)], r)
	}
	var out []row
	for _, doc := range sortedKeys(byDoc) {
		var our *results.CLI
		var peers []results.CLI
		for i, r := range byDoc[doc] {
			if isOurs(r.Name, ours) {
				our = &byDoc[doc][i]
			} else {
				peers = append(peers, r)
			}
		}
		if len(peers) == 0 && our != nil {
			peers = []results.CLI{{Name: "(no peer)", Error: "not run"}}
		}
		for _, p := range peers {
			load := [2]float64{-1, p.Load[0]}
			wall := row{doc: doc, measure: "CLI check, wall p50", peer: p.Name, unit: "ms", ours: -1, theirs: cliWall(p)}
			cpu := row{doc: doc, measure: "CLI check, CPU p50", peer: p.Name, unit: "ms", ours: -1, theirs: cliCPU(p)}
			rss := row{doc: doc, measure: "CLI check, max RSS", peer: p.Name, unit: "MB", ours: -1, theirs: p.MaxRSSMB}
			if our != nil {
				wall.ours, cpu.ours, rss.ours = cliWall(*our), cliCPU(*our), our.MaxRSSMB
				load[0] = our.Load[0]
			}
			wall.load, cpu.load, rss.load = load, load, load
			out = append(out, wall, cpu, rss)
		}
	}
	return out
}

// baselineRows hold open -> first diagnostics against the bare parse of the
// same file measured in the same run.
func baselineRows(lsp []results.LSP, baselines []results.CLI, ours string) []row {
	var out []row
	for _, b := range baselines {
		for _, r := range lsp {
			if !isOurs(r.Server, ours) || docKey(r.Doc) != docKey(b.Doc) || r.Open.TimedOut {
				continue
			}
			out = append(out, row{doc: docKey(b.Doc), measure: "open -> first diagnostics vs bare parse", peer: b.Name, unit: "ms",
				ours: r.Open.FirstMS, theirs: cliWall(b), peerNote: fmt.Sprintf("CPU %.0f ms", b.CPUMS.P50), load: [2]float64{r.Load[0], b.Load[0]}})
		}
	}
	return out
}

func cliCPU(r results.CLI) float64 {
	if r.Error != "" || r.Runs == 0 {
		return -1
	}
	return r.CPUMS.P50
}

func cliWall(r results.CLI) float64 {
	if r.Error != "" || r.Runs == 0 {
		return -1
	}
	return r.WallMS.P50
}

func print(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "document\tmeasure\tours\tpeer\tpeer value\tours/peer\tload\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.doc, r.measure,
			figure(r.ours, r.unit, r.oursNote), r.peer, figure(r.theirs, r.unit, r.peerNote), ratio(r.ours, r.theirs), loads(r.load))
	}
	tw.Flush()
	fmt.Fprintln(w, "ours/peer below 1 means ours is faster or smaller; item counts show what each answer held;")
	fmt.Fprintln(w, "load: the machine's 1-minute load average when ours / the peer were measured.")
}

func figure(v float64, unit, note string) string {
	s := "-"
	if v >= 0 {
		if v < 10 {
			s = fmt.Sprintf("%.1f %s", v, unit)
		} else {
			s = fmt.Sprintf("%.0f %s", v, unit)
		}
	}
	if note != "" {
		s += " (" + note + ")"
	}
	return s
}

func loads(l [2]float64) string {
	part := func(v float64) string {
		if v < 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f", v)
	}
	return part(l[0]) + " / " + part(l[1])
}

func ratio(ours, peer float64) string {
	if ours < 0 || peer <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", ours/peer)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
