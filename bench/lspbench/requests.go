package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"asyncapi-ls/bench/internal/rpc"
	"asyncapi-ls/bench/internal/stats"
)

type requestKind struct {
	name, method string
	at           []target
	context      any
}

func measureRequests(ctx context.Context, s *session, cfg config, uri string, pos positions) []RequestResult {
	kinds := []requestKind{
		{"completion @ channel key", "textDocument/completion", pos.channelKeys, map[string]any{"triggerKind": 1}},
		{"completion @ $ref value", "textDocument/completion", pos.refs, map[string]any{"triggerKind": 1}},
		{"hover @ channel key", "textDocument/hover", pos.channelKeys, nil},
		{"hover @ $ref value", "textDocument/hover", pos.refs, nil},
		{"definition @ $ref value", "textDocument/definition", pos.refs, nil},
		{"references @ component message", "textDocument/references", pos.componentKeys, map[string]any{"includeDeclaration": true}},
	}
	if cfg.workspace {
		kinds = append(kinds, requestKind{"rename @ component message", "textDocument/rename", pos.componentKeys, nil})
	}
	var out []RequestResult
	for _, k := range kinds {
		out = append(out, measureKind(ctx, s, cfg, uri, k))
	}
	return out
}

func measureKind(ctx context.Context, s *session, cfg config, uri string, k requestKind) RequestResult {
	res := RequestResult{Name: k.name, Method: k.method}
	if len(k.at) == 0 {
		res.LastError = "no position of this kind in the document"
		return res
	}
	var lat, items []float64
	consecutiveTimeouts := 0
	for i := 0; i < cfg.iterations && ctx.Err() == nil && !isGone(s); i++ {
		t := k.at[i%len(k.at)]
		t0 := time.Now()
		params := positionParams{
			TextDocument: textDocumentIdentifier{URI: uri},
			Position:     position{Line: t.Line, Character: t.Col},
			Context:      k.context,
		}
		if k.method == "textDocument/rename" {
			params.NewName = fmt.Sprintf("renamed%d", i)
		}
		raw, err := call(ctx, s, cfg.timeout, k.method, params)
		d := ms(time.Since(t0))
		var rerr *rpc.Error
		switch {
		case errors.As(err, &rerr) && rerr.Code == rpc.CodeMethodNotFound:
			res.Unsupported = true
			return res
		case errors.Is(err, context.DeadlineExceeded):
			res.Timeouts++
			res.LastError = err.Error()
			if consecutiveTimeouts++; consecutiveTimeouts >= 3 {
				return finishKind(res, lat, items)
			}
			continue
		case err != nil:
			res.Errors++
			res.LastError = err.Error()
			continue
		}
		consecutiveTimeouts = 0
		if len(lat) == 0 {
			res.FirstMS = d
		}
		n := countResult(k.method, raw)
		if n == 0 {
			res.Empty++
		}
		lat, items = append(lat, d), append(items, float64(n))
	}
	return finishKind(res, lat, items)
}

func finishKind(res RequestResult, lat, items []float64) RequestResult {
	res.N = len(lat)
	res.LatencyMS = stats.Summarize(lat)
	res.Items = stats.Summarize(items)
	return res
}
