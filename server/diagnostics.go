package server

import (
	"context"
	"sync"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/incremental"

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

	mu      sync.Mutex
	pending map[uri.URI]*diagRun
	// states keep each open document's sections, so that a run after an
	// edit re-parses and re-validates only what the edit touched.
	states  map[uri.URI]*incremental.State
	carry   map[uri.URI]*ruleCarry // the last rule findings of big documents
	shown   shownDiagnostics       // what each document shows, its own and from others
	stopped bool
	wg      sync.WaitGroup
}

type diagRun struct {
	timer  *time.Timer
	cancel context.CancelFunc
}

func newDiagnostics(s *Server, debounce time.Duration) *diagnostics {
	return &diagnostics{s: s, debounce: debounce, pending: map[uri.URI]*diagRun{}, states: map[uri.URI]*incremental.State{},
		carry: map[uri.URI]*ruleCarry{}}
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

func (d *diagnostics) schedule(u uri.URI, doc *analysis.Document) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	if prev := d.pending[u]; prev != nil {
		if prev.timer.Stop() {
			d.wg.Done() // its function will never run
		}
		prev.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := &diagRun{cancel: cancel}
	d.wg.Add(1)
	run.timer = time.AfterFunc(d.debounce, func() {
		defer d.wg.Done()
		d.run(ctx, u, doc)
	})
	d.pending[u] = run
}

// clear drops pending work for a closed document and empties its diagnostics.
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
	d.mu.Unlock()
	d.publish(u, nil, []protocol.Diagnostic{})
	d.setShown(u, nil, nil, nil)
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

func (d *diagnostics) run(ctx context.Context, u uri.URI, doc *analysis.Document) {
	defer func() {
		if r := recover(); r != nil {
			d.s.log.Error("diagnostics panic", zap.String("uri", string(u)), zap.Any("panic", r), zap.Stack("stack"))
		}
	}()
	if ctx.Err() != nil {
		return
	}
	start := time.Now()
	var found []analysis.Diagnostic
	if isConfigFile(u) {
		found = configFileDiagnostics(doc)
	} else if isRulesetDocument(doc) {
		found = d.s.rulesetFileDiagnostics(doc)
	} else if opts, ignored := d.s.analysisOptions(doc.URI); !ignored {
		if len(doc.Text) >= twoPhaseBytes && len(opts.Rules) > 0 {
			found = d.twoPhases(ctx, u, doc, opts)
		} else {
			found = d.state(u).Analyze(doc, opts)
		}
	}
	d.s.docs.tree(u, doc, true) // remember the newest version that parsed
	if found == nil && ctx.Err() != nil {
		return
	}
	if !d.current(ctx, u, doc) {
		return // a newer version is on its way
	}
	d.publishFound(u, doc, found, start)
}

// current reports whether doc is still the newest version and the run was
// not cancelled.
func (d *diagnostics) current(ctx context.Context, u uri.URI, doc *analysis.Document) bool {
	return ctx.Err() == nil && d.s.docs.get(u) == doc
}

// twoPhases publishes the fast diagnostics of a big document with the rule
// findings of its previous version carried over, then runs the rules and
// returns the complete set.
func (d *diagnostics) twoPhases(ctx context.Context, u uri.URI, doc *analysis.Document, opts analysis.Options) []analysis.Diagnostic {
	start := time.Now()
	fast := opts
	fast.Rules = nil
	state := d.state(u)
	var found []analysis.Diagnostic
	fresh := state.Stats().Runs == 0
	if fresh {
		// A fresh document: the whole path answers sooner than filling the
		// section cache, which the second step does in the background.
		found = analysis.Analyze(doc, fast)
	} else {
		found = state.Analyze(doc, fast)
	}
	d.mu.Lock()
	prev := d.carry[u]
	d.mu.Unlock()
	if !d.current(ctx, u, doc) {
		return nil
	}
	d.publishFound(u, doc, append(found, prev.carried(doc.Text)...), start)
	if fresh && ctx.Err() == nil {
		state.Analyze(doc, fast) // fill the section cache for the next edit
	}
	// The rules wait for a pause in typing, and give way to the next edit.
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(rulesPause):
	}
	opts.Stop = func() bool { return ctx.Err() != nil }
	all := d.state(u).Analyze(doc, opts)
	if ctx.Err() != nil {
		return nil
	}
	rules, _ := split(all, ruleCodes(opts))
	d.mu.Lock()
	if d.s.docs.get(u) != nil {
		d.carry[u] = &ruleCarry{text: doc.Text, found: rules}
	}
	d.mu.Unlock()
	return all
}

func (d *diagnostics) publishFound(u uri.URI, doc *analysis.Document, found []analysis.Diagnostic, start time.Time) {
	out := make([]protocol.Diagnostic, 0, len(found))
	for _, f := range found {
		out = append(out, d.s.toProtocolDiagnostic(doc, f))
	}
	d.s.log.Debug("diagnostics", zap.String("uri", string(u)), zap.Int32("version", doc.Version),
		zap.Int("count", len(out)), zap.Duration("took", time.Since(start)))
	d.setShown(u, &doc.Version, out, d.s.originDiagnostics(doc, found))
}

func (d *diagnostics) publish(u uri.URI, version *int32, diags []protocol.Diagnostic) {
	params := &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags}
	if version != nil {
		params.Version = protocol.NewOptional(*version)
	}
	if err := d.s.client.PublishDiagnostics(context.Background(), params); err != nil {
		d.s.log.Warn("publishDiagnostics failed", zap.Error(err))
	}
}

func (s *Server) toProtocolDiagnostic(doc *analysis.Document, f analysis.Diagnostic) protocol.Diagnostic {
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
		} else if other := s.docs.get(target); other != nil {
			mapper = other.Mapper
		} else if other, err := s.nav.ws.Load(r.URI); err == nil {
			mapper = other.Mapper // a file on disk that a reference reaches
		}
		out.RelatedInformation = append(out.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: target, Range: s.rangeOf(mapper, r.Start, r.End)},
			Message:  r.Message,
		})
	}
	return out
}
