package server

import (
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// recheckDependents schedules diagnostics again for every open document
// whose references lead into u (directly or through other files): a change
// in one file can break or mend a reference in another. It runs off the read
// loop, since finding dependents may index files.
func (s *Server) recheckDependents(u uri.URI) {
	if s.usesRuleset(u) {
		s.reanalyseOpenBut(u) // a ruleset changed: every open document may see other findings
	}
	d := s.diags
	d.mu.Lock()
	if d.stopped {
		d.mu.Unlock()
		return
	}
	d.wg.Add(1) // under the lock, as schedule does, so stop waits for it
	d.mu.Unlock()
	go func() {
		defer d.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("recheck panic", zap.Any("panic", r), zap.Stack("stack"))
			}
		}()
		for _, f := range s.nav.ws.Dependents(string(u)) {
			if !f.Open {
				continue
			}
			dep := uri.URI(f.Doc.URI)
			if cur := s.docs.get(dep); cur != nil {
				s.diags.schedule(dep, cur)
			}
		}
	}()
}
