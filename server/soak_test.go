package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestSoak runs 20,000 edits and requests over five documents (for about 20
// seconds at most; 60,000 in up to a minute with ASYNCAPI_LS_SOAK=long),
// then closes the session and requires goroutines and heap to return to
// their baseline.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test")
	}
	ops, budget := 20_000, 20*time.Second
	if os.Getenv("ASYNCAPI_LS_SOAK") == "long" {
		ops, budget = 60_000, 60*time.Second
	}
	goroutines0, heap0 := settle()

	ctx := context.Background()
	s := New(Options{Debounce: time.Millisecond})
	conn := pipeSession(t, s)
	rng := rand.New(rand.NewPCG(20, 26))
	base := "asyncapi: 3.0.0\ninfo:\n  title: soak\n  version: '1'\ncomponents:\n  schemas:\n    a: {type: string}\n    b:\n      $ref: '#/components/schemas/a'\n"
	type open struct {
		u       uri.URI
		version int32
		lines   int
	}
	docs := make([]*open, 5)
	for i := range docs {
		docs[i] = &open{u: uri.URI(fmt.Sprintf("file:///soak/%d.yaml", i)), version: 1, lines: 10}
		conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: docs[i].u, Version: 1, Text: base}})
	}
	deadline := time.Now().Add(budget)
	done := 0
	for ; done < ops && time.Now().Before(deadline); done++ {
		d := docs[rng.IntN(len(docs))]
		at := protocol.Position{Line: uint32(rng.IntN(d.lines)), Character: uint32(rng.IntN(12))}
		id := protocol.TextDocumentIdentifier{URI: d.u}
		switch k := rng.IntN(8); {
		case k < 5: // an edit: insert a line, or delete one
			d.version++
			var change protocol.TextDocumentContentChangePartial
			if rng.IntN(2) == 0 || d.lines < 12 {
				change = protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: protocol.Position{Line: uint32(d.lines - 1)}, End: protocol.Position{Line: uint32(d.lines - 1)}},
					Text: fmt.Sprintf("    s%d: {type: object, description: \"😀 %d\"}\n", d.version, done)}
				d.lines++
			} else {
				change = protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: protocol.Position{Line: uint32(d.lines - 2)}, End: protocol.Position{Line: uint32(d.lines - 1)}}}
				d.lines--
			}
			conn.Notify(ctx, protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
				TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: id, Version: d.version},
				ContentChanges: []protocol.TextDocumentContentChangeEvent{&change}})
		case k == 5:
			conn.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: at}}, nil)
		case k == 6:
			conn.Call(ctx, protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: at}}, nil)
		default:
			var loc protocol.Location
			_, err := conn.Call(ctx, protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: id, Position: protocol.Position{Line: 8, Character: 14}}}, &loc)
			if err != nil || loc.Range.Start.Line != 6 {
				t.Fatalf("op %d: definition %v %v", done, loc.Range, err)
			}
		}
	}
	t.Logf("%d operations in %v", done, time.Since(deadline.Add(-budget)).Round(time.Millisecond))
	for _, d := range docs {
		conn.Notify(ctx, protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: d.u}})
	}
	if _, err := conn.Call(ctx, protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, protocol.MethodExit, nil)
	conn.Close()

	var goroutines int
	var heap uint64
	for wait := time.Now().Add(10 * time.Second); time.Now().Before(wait); time.Sleep(100 * time.Millisecond) {
		goroutines, heap = settle()
		if goroutines <= goroutines0+2 && heap <= heap0+16<<20 {
			t.Logf("goroutines %d → %d, heap %d → %d KiB", goroutines0, goroutines, heap0>>10, heap>>10)
			return
		}
	}
	buf := make([]byte, 1<<20)
	t.Fatalf("after the session: goroutines %d (baseline %d), heap %d KiB (baseline %d KiB)\n%s",
		goroutines, goroutines0, heap>>10, heap0>>10, buf[:runtime.Stack(buf, true)])
}

// settle collects garbage and reports the goroutines and the live heap.
func settle() (int, uint64) {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return runtime.NumGoroutine(), ms.HeapAlloc
}
