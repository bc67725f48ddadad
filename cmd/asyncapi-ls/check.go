package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/incremental"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// sectionedParseSize is the size from which a YAML file is parsed in
// sections in parallel: below it, one parse is about as fast.
const sectionedParseSize = 256 << 10

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
	// Origin is where the problem is when it is in content a "$ref" brings
	// in from another file (the diagnostic itself is at the "$ref").
	Origin *checkLocation `json:"origin,omitempty"`

	level analysis.Severity
}

// checkLocation is a span of a file, 1-based as the diagnostics are.
type checkLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
}

// formats writes results; each lives in its own file.
var formats = map[string]func(w io.Writer, results []fileResult) error{
	"text":   writeText,
	"json":   writeJSON,
	"sarif":  writeSARIF,
	"github": writeGitHub,
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	oneShotMemory()
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(stderr)
	format := fset.String("format", "text", "text, json, sarif or github")
	failLevel := fset.String("fail-level", "error", "exit with status 1 when a diagnostic is at least this severe: error, warning or info")
	rulesetFlag := fset.String("ruleset", "", "a Spectral ruleset file to apply (default: ruleset: of .asyncapi-ls.yaml, else the nearest .spectral.yaml/.yml/.json)")
	strict := fset.Bool("strict", false, "report as errors what the specification requires but the official parser does not check")
	maxMB := fset.Int("max-document-mb", syntax.DefaultLimits.Bytes>>20, "the largest document analysed, in MiB")
	maxNodes := fset.Int("max-nodes", syntax.DefaultLimits.Nodes, "the most keys and values of a document analysed")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if *maxMB < 1 || *maxNodes < 1 || *maxMB > 1<<20 {
		fmt.Fprintln(stderr, "asyncapi-ls: --max-document-mb and --max-nodes must be above 0")
		return 2
	}
	syntax.SetLimits(syntax.Limits{Bytes: *maxMB << 20, Nodes: *maxNodes})
	write, okFormat := formats[*format]
	threshold, okLevel := analysis.ParseLevel(*failLevel)
	if fset.NArg() == 0 || !okFormat || !okLevel || threshold == analysis.SeverityOff {
		if !okFormat {
			fmt.Fprintf(stderr, "asyncapi-ls: unknown format %q\n", *format)
		}
		if !okLevel || threshold == analysis.SeverityOff {
			fmt.Fprintf(stderr, "asyncapi-ls: unknown fail level %q\n", *failLevel)
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	files, ioErr := collectFiles(fset.Args(), stderr)
	configs := configCache{stderr: stderr}
	rulesets := rulesetCache{stderr: stderr, flag: *rulesetFlag}
	// One workspace for the run: a file that several documents reference is
	// read once. Remote references are not fetched, as in the editor by default.
	resolver := workspace.New(workspace.Options{})
	// Configuration is looked up in order; the files are then analysed in
	// parallel (one worker per core) and reported in order.
	type job struct {
		path string
		opts analysis.Options
		res  *fileResult
		// other holds findings about values in other files, by path.
		other map[string][]analysis.Diagnostic
		err   error
	}
	var jobs []*job
	for _, path := range files {
		cfg, ok := configs.forFile(path)
		if !ok {
			ioErr = true
			continue
		}
		if cfg.Ignored(path) {
			continue
		}
		if *strict {
			cfg = config.Merge(cfg, &config.Config{Strict: true})
		}
		opts := config.New(cfg, resolver)
		if rs := rulesets.forFile(path, cfg); rs != nil {
			abs, _ := filepath.Abs(path)
			rs.Apply(&opts, refs.FileURI(filepath.ToSlash(abs)))
		}
		jobs = append(jobs, &job{path: path, opts: opts})
	}
	work := make(chan *job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.res, j.other, j.err = checkFile(j.path, j.opts)
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	var results []fileResult
	failed := false
	other := map[string][]analysis.Diagnostic{}
	for _, j := range jobs {
		for p, ds := range j.other {
			other[p] = append(other[p], ds...)
		}
		if j.err != nil {
			fmt.Fprintf(stderr, "asyncapi-ls: %v\n", j.err)
			ioErr = true
			continue
		}
		if j.res == nil {
			continue
		}
		for _, d := range j.res.Diagnostics {
			failed = failed || d.level <= threshold
		}
		results = append(results, *j.res)
	}
	if len(other) > 0 {
		before := map[string]int{}
		for _, r := range results {
			before[r.Path] = len(r.Diagnostics)
		}
		results = elsewhere(results, other, resolver)
		for _, r := range results {
			for _, d := range r.Diagnostics[min(before[r.Path], len(r.Diagnostics)):] {
				failed = failed || d.level <= threshold
			}
		}
	}
	if results == nil {
		results = []fileResult{}
	}
	if err := write(stdout, results); err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
		return 2
	}
	switch {
	case ioErr || configs.invalid || rulesets.invalid:
		return 2
	case failed:
		return 1
	}
	return 0
}

// oneShotMemory makes a one-shot run trade memory for time: no collection
// until the heap nears the server's soft limit (a 5 MB document peaks near
// 460 MB instead of 300 MB; about 5% faster than GOGC=400). GOGC and
// GOMEMLIMIT, when set, win.
func oneShotMemory() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

// configCache loads each project file once and reports its mistakes once.
type configCache struct {
	stderr  io.Writer
	byFile  map[string]*config.Config
	invalid bool
}

// forFile returns the configuration that governs path; false when the
// project file cannot be used (its problems are printed).
func (c *configCache) forFile(path string) (*config.Config, bool) {
	file := config.Find(filepath.Dir(path))
	if file == "" {
		return nil, true
	}
	if c.byFile == nil {
		c.byFile = map[string]*config.Config{}
	}
	if cfg, seen := c.byFile[file]; seen {
		return cfg, cfg != nil
	}
	cfg, problems, err := config.Load(file)
	if err != nil {
		fmt.Fprintf(c.stderr, "asyncapi-ls: %v\n", err)
	}
	if len(problems) > 0 {
		text, _ := os.ReadFile(file)
		m := analysis.NewDocument(file, 0, text).Mapper
		for _, p := range problems {
			line, col := m.Column(p.Start)
			fmt.Fprintf(c.stderr, "%s:%d:%d: error: %s [config]\n", file, line, col, p.Message)
		}
	}
	if err != nil || len(problems) > 0 {
		c.invalid = true
		cfg = nil
	}
	c.byFile[file] = cfg
	return cfg, cfg != nil
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
			if d.Type().IsRegular() && d.Name() != config.FileName && slices.Contains([]string{".yaml", ".yml", ".json"}, strings.ToLower(filepath.Ext(path))) {
				files = append(files, path)
			}
			return nil
		})
	}
	return files, ioErr
}

// checkFile analyses one file; nil means it is not an AsyncAPI document.
// Findings about values written in other files come back by path.
func checkFile(path string, opts analysis.Options) (*fileResult, map[string][]analysis.Diagnostic, error) {
	doc, err := loadDocument(path)
	if err != nil {
		return nil, nil, err
	}
	if !doc.IsAsyncAPI() {
		return nil, nil, nil
	}
	if ws, ok := opts.Resolver.(*workspace.Workspace); ok {
		opts.Resolver = ws.Snapshot(doc) // one view of the other files for the whole analysis
	}
	res := &fileResult{Path: path, Diagnostics: []checkDiagnostic{}}
	found := analysis.Analyze(doc, opts)
	slices.SortStableFunc(found, func(a, b analysis.Diagnostic) int { return a.Start - b.Start })
	// A ruleset rule's finding about a value in another file is reported in
	// that file, where Spectral reports it; the built-in checks report
	// theirs at the "$ref" that brings the content in.
	rulesetCodes := map[string]bool{}
	for _, r := range opts.Rules {
		if r.AnyVersion {
			rulesetCodes[r.Code] = true
		}
	}
	var other map[string][]analysis.Diagnostic
	for _, d := range found {
		if d.Origin != nil && rulesetCodes[d.Code] {
			if p := refs.FilePath(d.Origin.URI); p != "" {
				if other == nil {
					other = map[string][]analysis.Diagnostic{}
				}
				other[p] = append(other[p], d)
				continue
			}
		}
		cd := toCheckDiagnostic(doc, d.Start, d.End, d)
		cd.Origin = origin(opts.Resolver, d)
		res.Diagnostics = append(res.Diagnostics, cd)
	}
	return res, other, nil
}

// toCheckDiagnostic places d at [start, end) of doc.
func toCheckDiagnostic(doc *analysis.Document, start, end int, d analysis.Diagnostic) checkDiagnostic {
	line, col := doc.Mapper.Column(start)
	endLine, endCol := doc.Mapper.Column(end)
	return checkDiagnostic{Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
		Severity: d.Severity.String(), Code: d.Code, Message: d.Message, DocURL: d.DocURL, level: d.Severity}
}

// loadDocument reads a regular file of at most maxCheckFileSize as a
// document; a big YAML file is parsed in sections on every core.
func loadDocument(path string) (*analysis.Document, error) {
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
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	// The URI the editor gives, escaped, so that relative references
	// resolve the same way (a folder named "a#b" is not a fragment).
	doc := analysis.NewDocument(refs.FileURI(filepath.ToSlash(abs)), 1, text)
	if len(text) >= sectionedParseSize && doc.Format() == syntax.YAML {
		// The tree is the one a whole parse gives, or the whole parse runs.
		if f, ok := incremental.Parse(text); ok {
			doc.Provide(f)
		}
	}
	return doc, nil
}

// origin locates the place in another file a diagnostic speaks about.
func origin(res analysis.Resolver, d analysis.Diagnostic) *checkLocation {
	if d.Origin == nil || res == nil {
		return nil
	}
	other, err := res.Load(d.Origin.URI)
	if err != nil {
		return nil
	}
	line, col := other.Mapper.Column(d.Origin.Start)
	endLine, endCol := other.Mapper.Column(d.Origin.End)
	return &checkLocation{File: filepath.FromSlash(refs.FilePath(d.Origin.URI)), Line: line, Column: col, EndLine: endLine, EndColumn: endCol}
}
