package server

import (
	"context"
	"runtime"
	"sync"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/incremental"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/completion"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// diagnostics debounces analysis per document, cancels a run when a newer
// edit arrives, and publishes only results computed on the version that is
// still current. It is the one place that publishes.
type diagnostics struct {
	s        *Server
	debounce time.Duration
	heap     *rulesHeap // the collector's target while rules run

	mu      sync.Mutex
	pending map[uri.URI]*diagRun
	// states keep each open document's sections, so that a run after an
	// edit re-parses and re-validates only what the edit touched.
	states  map[uri.URI]*incremental.State
	carry   map[uri.URI]*ruleCarry // the last rule findings of big documents
	pace    map[uri.URI]*pace      // when each document was last scheduled, how long its analysis takes
	shown   shownDiagnostics       // what each document shows, its own and from others
	stopped bool
	wg      sync.WaitGroup
}

type diagRun struct {
	timer  *time.Timer
	cancel context.CancelFunc
	// edited: the document itself changed (opened, edited, closed, changed
	// on disk), so the open documents whose references lead into it are
	// checked again too. A run scheduled as such a dependent is not: a
	// change reaches its dependents once, never around a cycle.
	edited bool
}

func newDiagnostics(s *Server, debounce time.Duration, rulesGCPercent int) *diagnostics {
	return &diagnostics{s: s, debounce: debounce, heap: &rulesHeap{percent: rulesGCPercent}, pending: map[uri.URI]*diagRun{}, states: map[uri.URI]*incremental.State{},
		carry: map[uri.URI]*ruleCarry{}, pace: map[uri.URI]*pace{}}
}

// pace is what the pause before a document's analysis is decided from.
type pace struct {
	scheduled time.Time     // the last schedule
	took      time.Duration // the last analysis, to its first publish
}

// delayLocked is the pause before analysing u, scheduled now: waiting
// only pays when another edit is likely to come before the run ends and
// cancel it. After a pause in typing (the last schedule longer ago than
// the debounce) the run starts at once; in a burst of edits it waits as
// long as the analysis takes (at most the debounce), so a document that
// is analysed in a millisecond never waits for a timer. A dependent (its
// own text did not change) waits the whole debounce: a burst of edits
// elsewhere reaches it once.
func (d *diagnostics) delayLocked(u uri.URI, dependent bool) time.Duration {
	if dependent {
		return d.debounce
	}
	now := time.Now()
	p := d.pace[u]
	if p == nil {
		p = &pace{took: d.debounce}
		d.pace[u] = p
	}
	burst := now.Sub(p.scheduled) < d.debounce
	p.scheduled = now
	if !burst {
		return 0
	}
	return min(d.debounce, p.took)
}

// measured notes how long u's analysis took to its first publish.
func (d *diagnostics) measured(u uri.URI, took time.Duration) {
	d.mu.Lock()
	if p := d.pace[u]; p != nil {
		p.took = took
	}
	d.mu.Unlock()
}

// state returns the incremental state of a document, made on first use.
func (d *diagnostics) state(u uri.URI) *incremental.State {
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.states[u]
	if st == nil {
		st = incremental.New()
		if d.s.docs.get(u) != nil { // not for a run that outlived its document
			d.states[u] = st
		}
	}
	return st
}

// schedule analyses doc, the newest version of u, after the debounce; a
// newer call replaces a pending one and cancels a run in flight. edited
// says u itself changed: the run then schedules the open documents that
// depend on u too (in the debounce, not once per keystroke). doc nil is a
// document that is not open (closed, or changed on disk): only its
// dependents are checked.
func (d *diagnostics) schedule(u uri.URI, doc *analysis.Document, edited bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	if prev := d.pending[u]; prev != nil {
		if prev.timer.Stop() {
			d.wg.Done()                    // its function will never run
			edited = edited || prev.edited // nor check the dependents it promised to
		}
		prev.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := &diagRun{cancel: cancel, edited: edited}
	d.wg.Add(1)
	run.timer = time.AfterFunc(d.delayLocked(u, !edited), func() {
		defer d.wg.Done()
		d.run(ctx, u, doc, edited)
		d.mu.Lock()
		if d.pending[u] == run {
			delete(d.pending, u)
		}
		d.mu.Unlock()
		cancel()
	})
	d.pending[u] = run
}

// clear drops pending work for a closed document, empties its
// diagnostics and, after the debounce, checks the documents that depended
// on its buffer again.
func (d *diagnostics) clear(u uri.URI) {
	d.mu.Lock()
	if prev := d.pending[u]; prev != nil {
		if prev.timer.Stop() {
			d.wg.Done()
		}
		prev.cancel()
		delete(d.pending, u)
	}
	delete(d.states, u)
	delete(d.carry, u)
	delete(d.pace, u)
	d.publishLocked(u, nil, []protocol.Diagnostic{})
	d.setShownLocked(u, nil, nil, nil)
	d.mu.Unlock()
	d.changed(u)
}

// changed schedules the documents that depend on u, which changed without
// an edit of its buffer (closed, or changed on disk); u itself too when it
// is open.
func (d *diagnostics) changed(u uri.URI) {
	d.schedule(u, d.s.docs.get(u), true)
}

func (d *diagnostics) stop() {
	d.mu.Lock()
	d.stopped = true
	for u, run := range d.pending {
		if run.timer.Stop() {
			d.wg.Done()
		}
		run.cancel()
		delete(d.pending, u)
	}
	d.mu.Unlock()
	d.wg.Wait()
}

func (d *diagnostics) run(ctx context.Context, u uri.URI, doc *analysis.Document, edited bool) {
	defer func() {
		if r := recover(); r != nil {
			d.s.log.Error("diagnostics panic", zap.String("uri", string(u)), zap.Any("panic", r), zap.Stack("stack"))
		}
	}()
	if ctx.Err() != nil {
		return
	}
	if edited {
		d.scheduleDependents(u)
	}
	if doc == nil {
		return
	}
	start := time.Now()
	// One view of the other files for the whole run, both steps of a big
	// document included.
	snap := d.s.nav.ws.Snapshot(doc)
	var found []analysis.Diagnostic
	if isConfigFile(u) {
		found = configFileDiagnostics(doc)
	} else if isRulesetDocument(doc) {
		found = d.s.rulesetFileDiagnostics(doc)
	} else if opts, ignored := d.s.analysisOptions(snap); !ignored {
		opts.Yield = d.s.gate.yield
		if len(doc.Text) >= twoPhaseBytes && len(opts.Rules) > 0 {
			found = d.twoPhases(ctx, u, snap, opts)
		} else {
			found = d.state(u).AnalyzeContext(ctx, doc, opts)
			if ctx.Err() == nil {
				d.measured(u, time.Since(start))
			}
		}
	}
	if ctx.Err() != nil {
		return // a newer version is on its way
	}
	d.publishFound(ctx, u, snap, found, start)
	if ctx.Err() == nil {
		// After publishing: remember the newest version that parsed (for a
		// big document analysed from its sections this builds the tree).
		d.s.docs.tree(u, doc, true)
	}
}

// scheduleDependents schedules every open document whose references lead
// into u (directly or through other files) again, as a dependent.
func (d *diagnostics) scheduleDependents(u uri.URI) {
	if d.s.usesRuleset(u) {
		d.s.reanalyseOpenBut(u) // a ruleset changed: every open document may see other findings
	}
	for _, f := range d.s.nav.ws.Dependents(string(u)) {
		if !f.Open {
			continue
		}
		dep := uri.URI(f.Doc.URI)
		if cur := d.s.docs.get(dep); cur != nil {
			d.schedule(dep, cur, false)
		}
	}
}

// currentLocked reports, under d.mu, whether doc is still the newest
// version and the run was not cancelled: checked where the result is
// queued, so that a close or an edit cannot slip in between.
func (d *diagnostics) currentLocked(ctx context.Context, u uri.URI, doc *analysis.Document) bool {
	return ctx.Err() == nil && d.s.docs.get(u) == doc
}

// twoPhases publishes the fast diagnostics of a big document with the rule
// findings of its previous version carried over, then runs the rules and
// returns the complete set.
func (d *diagnostics) twoPhases(ctx context.Context, u uri.URI, snap *workspace.Snapshot, opts analysis.Options) []analysis.Diagnostic {
	start := time.Now()
	doc := snap.Document()
	fast := opts
	fast.Rules = nil
	// A fresh document goes through the sections too: they are parsed on
	// every core, as fast as one whole parse, and no second parse fills
	// the cache behind the first diagnostics.
	found := d.state(u).AnalyzeContext(ctx, doc, fast)
	d.mu.Lock()
	prev := d.carry[u]
	d.mu.Unlock()
	if ctx.Err() != nil {
		return nil
	}
	d.measured(u, time.Since(start))
	d.publishFound(ctx, u, snap, append(found, prev.carried(doc)...), start)
	if d.state(u).Stats().Runs == 1 {
		// A document just opened: its first requests come while the user
		// reads it, and need the tree at this version's offsets and the
		// line table (and "$ref" completion, the list of what a "$ref" may
		// name; navigation, the API model and the index of its "$ref"s),
		// which the fast phase did not build. Built now, they do not wait
		// for them; nor does the first edit wait beside the rules building
		// the model, which cannot stop halfway. (After an edit the tree is
		// left to the first reader: the next edit may come first and would
		// wait for it.)
		completion.Prepare(doc.Root(), doc.Text)
		doc.Mapper.LineCount()
		snap.Model()
		if f, err := snap.File(string(u)); err == nil {
			f.Refs()
		}
	}
	// The rules wait for a pause in typing, and give way to the next edit.
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(rulesPause):
	}
	// One processor stays free for requests (the rules of a big document
	// take seconds, in steps that do not all yield).
	opts.RuleWorkers = max(1, runtime.GOMAXPROCS(0)-1)
	d.heap.enter()
	all := func() []analysis.Diagnostic {
		defer d.heap.leave() // a panic must not leave the target lowered
		return d.state(u).AnalyzeContext(ctx, doc, opts)
	}()
	if ctx.Err() != nil {
		return nil
	}
	rules, _ := split(all, ruleCodes(opts))
	d.mu.Lock()
	if d.s.docs.get(u) != nil {
		d.carry[u] = &ruleCarry{text: doc.Text, docID: doc.ID(), found: rules}
	}
	d.mu.Unlock()
	return all
}

// publishFound queues the findings of the snapshot's document, when it is
// still the newest version of u and the run was not cancelled.
func (d *diagnostics) publishFound(ctx context.Context, u uri.URI, snap *workspace.Snapshot, found []analysis.Diagnostic, start time.Time) {
	doc := snap.Document()
	out := make([]protocol.Diagnostic, 0, len(found))
	for _, f := range found {
		out = append(out, d.s.toProtocolDiagnostic(snap, f))
	}
	placed := d.s.originDiagnostics(snap, found)
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.currentLocked(ctx, u, doc) {
		return // a newer version is on its way, or the document closed
	}
	d.s.log.Debug("diagnostics", zap.String("uri", string(u)), zap.Int32("version", doc.Version),
		zap.Int("count", len(out)), zap.Duration("took", time.Since(start)))
	d.setShownLocked(u, &doc.Version, out, placed)
}

// publishLocked queues the diagnostics of u, under d.mu so that the order
// of the queue is the order of the decisions.
func (d *diagnostics) publishLocked(u uri.URI, version *int32, diags []protocol.Diagnostic) {
	params := &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags}
	if version != nil {
		params.Version = protocol.NewOptional(*version)
	}
	d.s.out.post(protocol.MethodTextDocumentPublishDiagnostics, u, func(ctx context.Context) error {
		return d.s.client.PublishDiagnostics(ctx, params)
	})
}

// toProtocolDiagnostic converts a finding on the snapshot's document; its
// related places in other files are converted with those files as the
// snapshot (the one the finding was computed on) sees them.
func (s *Server) toProtocolDiagnostic(snap *workspace.Snapshot, f analysis.Diagnostic) protocol.Diagnostic {
	doc := snap.Document()
	out := protocol.Diagnostic{
		Range:    s.rangeOf(doc.Mapper, f.Start, f.End),
		Severity: protocol.DiagnosticSeverity(f.Severity),
		Code:     protocol.String(f.Code),
		Source:   protocol.NewOptional("asyncapi"),
		Message:  protocol.String(f.Message),
	}
	if f.DocURL != "" {
		out.CodeDescription = protocol.CodeDescription{Href: uri.URI(f.DocURL)}
	}
	for _, r := range f.Related {
		target := uri.URI(r.URI)
		mapper := doc.Mapper
		if r.URI == "" || target == uri.URI(doc.URI) {
			target = uri.URI(doc.URI)
		} else if other, err := snap.Load(r.URI); err == nil {
			mapper = other.Mapper
		}
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: target, Range: s.rangeOf(mapper, r.Start, r.End)},
			Message:  r.Message,
		})
	}
	return out
}
