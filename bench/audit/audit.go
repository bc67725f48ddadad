package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/internal/stats"
)

// Corpus is a folder of documents opened in one server session, the
// folder being the workspace.
type Corpus struct {
	Name string
	Root string
	Docs []string // absolute paths
}

// OfficialCorpus lists the 2.x and 3.x documents of the official corpus
// (dir is corpus/official; its verdicts file lies beside it).
func OfficialCorpus(dir string) (Corpus, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Corpus{}, err
	}
	f, err := os.Open(filepath.Join(filepath.Dir(dir), "official-verdicts.jsonl"))
	if err != nil {
		return Corpus{}, err
	}
	defer f.Close()
	c := Corpus{Name: "official", Root: dir}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var v struct {
			File    string `json:"file"`
			Version string `json:"version"`
		}
		if json.Unmarshal(sc.Bytes(), &v) != nil || !modern(v.Version) {
			continue
		}
		c.Docs = append(c.Docs, filepath.Join(filepath.Dir(dir), filepath.FromSlash(v.File)))
	}
	return c, sc.Err()
}

// RealworldCorpus lists the documents of the realworld-dev manifest found
// under dir (the extracted "realworld" folder).
func RealworldCorpus(dir, manifest string) (Corpus, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Corpus{}, err
	}
	data, err := os.ReadFile(manifest)
	if err != nil {
		return Corpus{}, err
	}
	var m struct {
		Files []struct {
			File     string `json:"file"`
			Role     string `json:"role"`
			AsyncAPI string `json:"asyncapi"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return Corpus{}, err
	}
	c := Corpus{Name: "realworld-dev", Root: dir}
	for _, f := range m.Files {
		if f.Role != "document" || !modern(f.AsyncAPI) {
			continue
		}
		c.Docs = append(c.Docs, filepath.Join(filepath.Dir(dir), filepath.FromSlash(f.File)))
	}
	return c, nil
}

func modern(version string) bool {
	return strings.HasPrefix(version, "2.") || strings.HasPrefix(version, "3.")
}

// Counts is found/checked per probe kind.
type Counts struct {
	Probes int `json:"probes"`
	Good   int `json:"good"` // answered (hover, definition, references) or offered (completion)
	// Incomplete counts completion answers marked incomplete.
	Incomplete int `json:"incomplete,omitempty"`
}

// Report is one server's audit of one corpus.
type Report struct {
	Server  string                   `json:"server"`
	Corpus  string                   `json:"corpus"`
	Docs    int                      `json:"docs"`
	Counts  map[ProbeKind]*Counts    `json:"counts"`
	Hover   map[string]*Counts       `json:"hover_by_category"`
	Latency map[string]stats.Summary `json:"latency_ms"`
	Misses  map[ProbeKind][]string   `json:"misses,omitempty"` // file:path of the first misses
	Errors  []string                 `json:"errors,omitempty"`
	// Slowest lists the slowest requests (ms, kind, file and path).
	Slowest []string             `json:"slowest,omitempty"`
	samples map[string][]float64 // per request method
	slow    []slowRequest
}

type slowRequest struct {
	ms   float64
	what string
}

// keepSlowest is how many of the slowest requests a report names.
const keepSlowest = 15

// maxMisses bounds the misses listed per kind.
const maxMisses = 40

// Options configure a run.
type Options struct {
	Limits  Limits
	Timeout time.Duration // per request; zero means 10 s
}

// Run audits every document of c with a fresh server started by command.
func Run(name, command string, c Corpus, opts Options) (*Report, error) {
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Second
	}
	r := &Report{Server: name, Corpus: c.Name, Counts: map[ProbeKind]*Counts{}, Hover: map[string]*Counts{},
		Misses: map[ProbeKind][]string{}, samples: map[string][]float64{}}
	cl, err := start(command, c.Root, opts.Timeout)
	if err != nil {
		return nil, err
	}
	defer cl.stop()
	for _, doc := range c.Docs {
		text, err := os.ReadFile(doc)
		if err != nil {
			r.Errors = append(r.Errors, err.Error())
			continue
		}
		r.Docs++
		rel, _ := filepath.Rel(c.Root, doc)
		r.auditDoc(cl, doc, rel, text, opts.Limits)
		select {
		case <-cl.conn.Done():
			r.Errors = append(r.Errors, "the server exited during "+doc)
			return r, nil
		default:
		}
	}
	sort.Slice(r.slow, func(i, j int) bool { return r.slow[i].ms > r.slow[j].ms })
	for i := 0; i < len(r.slow) && i < keepSlowest; i++ {
		r.Slowest = append(r.Slowest, r.slow[i].what)
	}
	r.Latency = map[string]stats.Summary{}
	for method, xs := range r.samples {
		r.Latency[method] = stats.Summarize(xs)
	}
	return r, nil
}

func (r *Report) auditDoc(cl *client, file, rel string, text []byte, limits Limits) {
	uri := refs.FileURI(file)
	lang := "yaml"
	if syntax.DetectFormat(file, text) == syntax.JSON {
		lang = "json"
	}
	cl.open(uri, lang, string(text))
	defer cl.close(uri)
	version := 1
	current := text
	mapper := source.NewMapper(text)
	for _, p := range Plan(file, text, limits) {
		if p.Edited {
			edited := make([]byte, 0, len(text)+len(p.EditText))
			edited = append(append(append(edited, text[:p.EditStart]...), p.EditText...), text[p.EditEnd:]...)
			version++
			cl.change(uri, version, string(edited))
			current, mapper = edited, source.NewMapper(edited)
		} else if len(current) != len(text) || string(current) != string(text) {
			version++
			cl.change(uri, version, string(text))
			current, mapper = text, source.NewMapper(text)
		}
		pos, _ := mapper.Position(p.Offset, source.UTF16)
		r.probe(cl, uri, rel, p, position{Line: pos.Line, Character: pos.Character})
	}
}

func (r *Report) probe(cl *client, uri, file string, p Probe, pos position) {
	method := map[ProbeKind]string{HoverKeyword: "textDocument/hover", Definition: "textDocument/definition",
		References: "textDocument/references"}[p.Kind]
	if method == "" {
		method = "textDocument/completion"
	}
	params := positionParams(uri, pos)
	if p.Kind == References {
		params["context"] = map[string]any{"includeDeclaration": false}
	}
	began := time.Now()
	raw, err := cl.call(method, params)
	took := float64(time.Since(began).Microseconds()) / 1000
	r.samples[method] = append(r.samples[method], took)
	if method == "textDocument/completion" {
		r.samples[string(p.Kind)] = append(r.samples[string(p.Kind)], took)
	}
	r.slow = append(r.slow, slowRequest{took, fmt.Sprintf("%.1f ms %s %s %s", took, p.Kind, file, p.Path)})
	if len(r.slow) > 4*keepSlowest {
		sort.Slice(r.slow, func(i, j int) bool { return r.slow[i].ms > r.slow[j].ms })
		r.slow = r.slow[:keepSlowest]
	}
	counts := r.Counts[p.Kind]
	if counts == nil {
		counts = &Counts{}
		r.Counts[p.Kind] = counts
	}
	counts.Probes++
	if err != nil {
		r.Errors = append(r.Errors, fmt.Sprintf("%s %s %s: %v", method, file, p.Path, err))
		return
	}
	good := false
	switch p.Kind {
	case HoverKeyword:
		good = strings.TrimSpace(hoverText(raw)) != ""
		cat := r.Hover[p.Category]
		if cat == nil {
			cat = &Counts{}
			r.Hover[p.Category] = cat
		}
		cat.Probes++
		if good {
			cat.Good++
		}
	case Definition, References:
		good = nonEmptyResult(raw)
	case CompleteKey:
		good = len(parseCompletion(raw).Items) > 0
	case CompleteLocalRef, CompleteFileRef:
		ans := parseCompletion(raw)
		if ans.Incomplete {
			counts.Incomplete++
		}
		want := strings.TrimPrefix(p.Want, "./")
		for _, it := range ans.Items {
			if strings.TrimPrefix(it, "./") == want {
				good = true
				break
			}
		}
	}
	if good {
		counts.Good++
	} else if len(r.Misses[p.Kind]) < maxMisses {
		r.Misses[p.Kind] = append(r.Misses[p.Kind], file+" "+p.Path)
	}
}

// WriteTable prints reports of the same corpus side by side, one column per
// server.
func WriteTable(w io.Writer, reports []*Report) {
	if len(reports) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s: %d documents\n\n", reports[0].Corpus, reports[0].Docs)
	header := "| measure |"
	rule := "| --- |"
	for _, r := range reports {
		header += " " + r.Server + " |"
		rule += " --- |"
	}
	fmt.Fprintln(w, header)
	fmt.Fprintln(w, rule)
	row := func(label string, cell func(r *Report) string) {
		line := "| " + label + " |"
		for _, r := range reports {
			line += " " + cell(r) + " |"
		}
		fmt.Fprintln(w, line)
	}
	empty := func(c *Counts) string {
		if c == nil {
			return "–"
		}
		return fmt.Sprintf("%d of %d", c.Probes-c.Good, c.Probes)
	}
	offered := func(c *Counts) string {
		if c == nil {
			return "–"
		}
		s := fmt.Sprintf("%d of %d", c.Good, c.Probes)
		if c.Incomplete > 0 {
			s += fmt.Sprintf(" (%d incomplete)", c.Incomplete)
		}
		return s
	}
	row("empty hovers on keywords", func(r *Report) string { return empty(r.Counts[HoverKeyword]) })
	for _, cat := range []string{"spec", "schema", "binding"} {
		row("… of which "+cat+" keywords", func(r *Report) string { return empty(r.Hover[cat]) })
	}
	row("`$ref` to a local target: target offered", func(r *Report) string { return offered(r.Counts[CompleteLocalRef]) })
	row("`$ref` to a file, folder typed: file offered", func(r *Report) string { return offered(r.Counts[CompleteFileRef]) })
	row("completion at a key: items offered", func(r *Report) string { return offered(r.Counts[CompleteKey]) })
	row("definition of a `$ref`: answered", func(r *Report) string { return offered(r.Counts[Definition]) })
	row("references of a named object: answered", func(r *Report) string { return offered(r.Counts[References]) })
	methods := []string{"textDocument/completion", string(CompleteKey), string(CompleteLocalRef), string(CompleteFileRef),
		"textDocument/hover", "textDocument/definition", "textDocument/references"}
	for _, m := range methods {
		short := strings.TrimPrefix(m, "textDocument/")
		if !strings.HasPrefix(m, "textDocument/") {
			short = "… " + short
		}
		row(short+" p50 / p99 / max (ms)", func(r *Report) string {
			s, ok := r.Latency[m]
			if !ok {
				return "–"
			}
			return fmt.Sprintf("%.2f / %.2f / %.1f (n=%d)", s.P50, s.P99, s.Max, s.N)
		})
	}
	row("request errors", func(r *Report) string { return fmt.Sprint(len(r.Errors)) })
}

// WriteMisses lists where each server missed, for reading.
func WriteMisses(w io.Writer, r *Report) {
	kinds := make([]string, 0, len(r.Misses))
	for k := range r.Misses {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "\n%s, %s, %s misses (first %d):\n", r.Server, r.Corpus, k, maxMisses)
		for _, m := range r.Misses[ProbeKind(k)] {
			fmt.Fprintln(w, "  "+m)
		}
	}
	fmt.Fprintf(w, "\n%s, %s, slowest requests:\n", r.Server, r.Corpus)
	for _, s := range r.Slowest {
		fmt.Fprintln(w, "  "+s)
	}
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  error: "+e)
	}
}
