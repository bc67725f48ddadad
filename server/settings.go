package server

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// ruleSettings holds what decides the level of each diagnostic: the
// editor's "asyncapi" settings and the project files found beside open
// documents. Both go through config.New, as in `asyncapi-ls check`.
type ruleSettings struct {
	mu        sync.Mutex
	editor    *config.Config
	pull      bool // the client answers workspace/configuration
	projects  map[string]projectEntry
	lastShown string // the last configuration complaint shown, not to repeat it
}

// projectEntry caches one parsed project file while its size and time stay.
type projectEntry struct {
	mod      time.Time
	size     int64
	cfg      *config.Config
	problems []config.Problem
}

// initializeSettings reads the settings from initializationOptions and
// notes whether the client can be asked for settings later.
func (s *Server) initializeSettings(params *protocol.InitializeParams) {
	if ws := params.Capabilities.Workspace; ws != nil && ws.Configuration != nil {
		s.rules.pull = *ws.Configuration
	}
	if len(params.InitializationOptions) > 0 {
		s.applySettings(params.InitializationOptions)
	}
}

// pullSettings asks the client for the "asyncapi" section. It runs in its
// own goroutine: the read loop must stay free to deliver the answer.
func (s *Server) pullSettings() {
	if !s.rules.pull {
		return
	}
	s.goBackground("settings", func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		section := "asyncapi"
		got, err := s.client.Configuration(ctx, &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: &section}}})
		if err != nil || len(got) == 0 {
			if err != nil {
				s.log.Info("workspace/configuration failed", zap.Error(err))
			}
			return
		}
		raw := []byte(got[0])
		if string(raw) == "null" {
			return
		}
		if s.applySettings(raw) {
			s.reanalyseOpen()
		}
	})
}

// DidChangeConfiguration takes the pushed settings when the client sends
// them, asks for them otherwise, and checks every open document again.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	raw := []byte(params.Settings)
	if len(raw) > 0 && string(raw) != "null" && string(raw) != "{}" {
		s.applySettings(raw)
	}
	s.reanalyseOpen()
	s.pullSettings()
	return nil
}

// applySettings takes the "asyncapi" section (or a wrapper object holding
// it), decoded once by config.DecodeSettings for every feature, and reports
// whether the diagnostics may change: the rule levels or the remote switch.
func (s *Server) applySettings(raw []byte) bool {
	settings, problems := config.DecodeSettings(raw)
	if len(problems) > 0 {
		var msgs []string
		for _, p := range problems {
			msgs = append(msgs, p.Message)
		}
		s.complain("asyncapi-ls settings: " + strings.Join(msgs, " "))
	}
	if settings.Rules == nil {
		return false // not JSON: nothing applies
	}
	changed := false
	if settings.Remote != nil {
		changed = s.nav.ws.SetRemote(*settings.Remote)
	}
	if settings.CodeLens != nil {
		s.nav.codeLens.Store(*settings.CodeLens)
	}
	if settings.Limits != nil && *settings.Limits != syntax.CurrentLimits() {
		syntax.SetLimits(*settings.Limits) // the process's: one editor, one set of settings
		changed = true
	}
	s.rules.mu.Lock()
	defer s.rules.mu.Unlock()
	before, _ := json.Marshal(s.rules.editor)
	s.rules.editor = settings.Rules
	after, _ := json.Marshal(settings.Rules)
	return changed || string(before) != string(after)
}

// complain shows a configuration problem once, through the outbox (the
// client is never called from the read loop).
func (s *Server) complain(msg string) {
	s.rules.mu.Lock()
	repeat := s.rules.lastShown == msg
	s.rules.lastShown = msg
	s.rules.mu.Unlock()
	s.log.Warn("configuration problem", zap.String("message", msg))
	if repeat {
		return
	}
	params := &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg}
	s.out.post(protocol.MethodWindowShowMessage, "", func(ctx context.Context) error { return s.client.ShowMessage(ctx, params) })
}

// analysisOptions builds the options for the document of a snapshot: its
// project file (nearest .asyncapi-ls.yaml upward), the editor's levels over
// it, and the snapshot as resolver, so that the run reads every other file
// as the snapshot pinned it. ignored reports a document the project excludes.
func (s *Server) analysisOptions(snap *workspace.Snapshot) (opts analysis.Options, ignored bool) {
	docURI := snap.Document().URI
	project := s.projectConfig(docURI)
	s.rules.mu.Lock()
	cfg := config.Merge(project, s.rules.editor)
	s.rules.mu.Unlock()
	path := refs.FilePath(docURI)
	if path != "" && project.Ignored(path) {
		return opts, true
	}
	opts = config.New(cfg, snap)
	if file := rulesetFor(path, cfg.Ruleset); file != "" {
		s.ruleset(file).Apply(&opts, docURI)
	}
	return opts, false
}

// projectConfig finds, loads and caches the project file of a document.
func (s *Server) projectConfig(docURI string) *config.Config {
	path := refs.FilePath(docURI)
	if path == "" {
		return nil
	}
	file := config.Find(filepath.Dir(path))
	if file == "" {
		return nil
	}
	e, ok := s.loadProject(file)
	if !ok {
		return nil
	}
	if len(e.problems) > 0 {
		s.complain("The project file " + file + " has mistakes (open it to see them); its rule levels are applied only where they are valid.")
	}
	return e.cfg
}

func (s *Server) loadProject(file string) (projectEntry, bool) {
	info, err := statRegular(file)
	if err != nil {
		return projectEntry{}, false
	}
	s.rules.mu.Lock()
	e, ok := s.rules.projects[file]
	s.rules.mu.Unlock()
	if ok && e.mod.Equal(info.ModTime()) && e.size == info.Size() {
		return e, true
	}
	cfg, problems, err := config.Load(file)
	if err != nil {
		return projectEntry{}, false
	}
	e = projectEntry{mod: info.ModTime(), size: info.Size(), cfg: cfg, problems: problems}
	s.rules.mu.Lock()
	if s.rules.projects == nil {
		s.rules.projects = map[string]projectEntry{}
	}
	s.rules.projects[file] = e
	s.rules.mu.Unlock()
	return e, true
}

// configFileDiagnostics checks an open project file: its mistakes become
// its diagnostics, so an invalid configuration is never silent.
func configFileDiagnostics(doc *analysis.Document) []analysis.Diagnostic {
	_, problems := config.Parse(doc.Text)
	if path := refs.FilePath(doc.URI); path != "" {
		_, problems = config.ParseAt(doc.Text, filepath.Dir(path))
	}
	out := make([]analysis.Diagnostic, 0, len(problems))
	for _, p := range problems {
		out = append(out, analysis.Diagnostic{Start: p.Start, End: p.End, Severity: analysis.SeverityError, Code: "config", Message: p.Message})
	}
	return out
}

// isConfigFile reports whether u names a project file.
func isConfigFile(u uri.URI) bool {
	return strings.HasSuffix(string(u), "/"+config.FileName)
}

// reanalyseOpen schedules diagnostics for every open document again.
func (s *Server) reanalyseOpen() {
	s.docs.mu.RLock()
	open := make(map[uri.URI]*analysis.Document, len(s.docs.open))
	for u, d := range s.docs.open {
		open[u] = d
	}
	s.docs.mu.RUnlock()
	for u, d := range open {
		s.diags.schedule(u, d, false)
	}
}
