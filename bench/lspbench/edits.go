package main

import (
	"context"
	"time"

	"asyncapi-ls/bench/internal/stats"
)

// measureEdits types one character and deletes it again, edits times, each
// time waiting for the diagnostics of the new version.
func measureEdits(ctx context.Context, s *session, cfg config, uri, text string, sync int, at *target) ChangeResult {
	res := ChangeResult{Sync: map[int]string{0: "none", 1: "full", 2: "incremental"}[sync]}
	if cfg.edits == 0 || at == nil || sync == 0 || isGone(s) {
		return res
	}
	res.At = at.What
	doc := newEditableDoc(text)
	var lat []float64
	publishes := 0
	version := 1
	for i := 0; i < cfg.edits && ctx.Err() == nil && !isGone(s); i++ {
		version++
		var change contentChange
		if i%2 == 0 {
			change = doc.insert(at.Line, at.Col, "x")
		} else {
			change = doc.delete(at.Line, at.Col, 1)
		}
		if sync == 1 {
			change = contentChange{Text: doc.text()}
		}
		mark := s.diags.mark()
		t0 := time.Now()
		_ = s.conn.Notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []contentChange{change},
		})
		c, cancel := context.WithTimeout(ctx, cfg.editTimeout)
		ev, err := s.diags.waitAfter(c, s.gone(), uri, mark, version)
		cancel()
		if err != nil {
			res.Timeouts++
			if res.Timeouts >= 3 && len(lat) == 0 {
				break // the server does not publish after changes
			}
			// Let the late publish arrive (uncounted) so that a server
			// sending no versions does not have it taken as the answer
			// to the next edit.
			c, cancel := context.WithTimeout(ctx, cfg.editTimeout)
			_, _ = s.diags.waitAfter(c, s.gone(), uri, mark, version)
			cancel()
			s.diags.settle(ctx, uri, mark, cfg.quiet, cfg.editTimeout)
			continue
		}
		lat = append(lat, ms(ev.at.Sub(t0)))
		// Let any further publishes for this version arrive before the
		// next edit, so they are not taken as the next edit's answer.
		_, n := s.diags.settle(ctx, uri, mark, cfg.quiet, cfg.editTimeout)
		publishes += n
	}
	res.Edits = len(lat)
	res.LatencyMS = stats.Summarize(lat)
	if len(lat) > 0 {
		res.PublishesPerEdit = float64(publishes) / float64(len(lat))
	}
	return res
}
