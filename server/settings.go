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

// initializeSettings reads the rule levels from initializationOptions and
// notes whether the client can be asked for settings later.
func (s *Server) initializeSettings(params *protocol.InitializeParams) {
	if ws := params.Capabilities.Workspace; ws != nil && ws.Configuration != nil {
		s.rules.pull = *ws.Configuration
	}
	if len(params.InitializationOptions) > 0 {
		s.applyRuleSettings(params.InitializationOptions)
	}
}

// pullSettings asks the client for the "asyncapi" section. It runs in its
// own goroutine: the read loop must stay free to deliver the answer.
func (s *Server) pullSettings() {
	if !s.rules.pull {
		return
	}
	go func() {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("settings panic", zap.Any("panic", r))
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
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
		s.nav.applySettings(raw)
		if s.applyRuleSettings(raw) {
			s.reanalyseOpen()
		}
	}()
}

// DidChangeConfiguration takes the pushed settings when the client sends
// them, asks for them otherwise, and checks every open document again.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	raw := []byte(params.Settings)
	if len(raw) > 0 && string(raw) != "null" && string(raw) != "{}" {
		s.nav.applySettings(raw)
		s.applyRuleSettings(raw)
	}
	s.reanalyseOpen()
	s.pullSettings()
	return nil
}

// applyRuleSettings reads {"rules": …} from the "asyncapi" section (or from
// a wrapper object holding it) and reports whether the levels changed.
func (s *Server) applyRuleSettings(raw []byte) bool {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		s.complain("The asyncapi settings are not valid JSON.")
		return false
	}
	if m, ok := v.(map[string]any); ok {
		if inner, ok := m["asyncapi"]; ok {
			v = inner
		}
	}
	cfg, problems := config.FromSettings(v)
	if len(problems) > 0 {
		var msgs []string
		for _, p := range problems {
			msgs = append(msgs, p.Message)
		}
		s.complain("asyncapi-ls settings: " + strings.Join(msgs, " "))
	}
	s.rules.mu.Lock()
	defer s.rules.mu.Unlock()
	before, _ := json.Marshal(s.rules.editor)
	s.rules.editor = cfg
	after, _ := json.Marshal(cfg)
	return string(before) != string(after)
}

// complain shows a configuration problem once, from a goroutine (the
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
	go s.client.ShowMessage(context.Background(), &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning, Message: msg})
}

// analysisOptions builds the options for a document: its project file
// (nearest .asyncapi-ls.yaml upward), the editor's levels over it, and the
// workspace as resolver. ignored reports a document the project excludes.
func (s *Server) analysisOptions(docURI string) (opts analysis.Options, ignored bool) {
	project := s.projectConfig(docURI)
	s.rules.mu.Lock()
	cfg := config.Merge(project, s.rules.editor)
	s.rules.mu.Unlock()
	path := refs.FilePath(docURI)
	if path != "" && project.Ignored(path) {
		return opts, true
	}
	opts = config.New(cfg, s.nav.ws)
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
		s.diags.schedule(u, d)
	}
}
