package navigate_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/navigate"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/bench/gen"
)

// benchWorkspace writes the generated workspace (200 files, about 5,000
// cross-file references) and indexes it.
func benchWorkspace(b *testing.B) (*workspace.Workspace, string) {
	b.Helper()
	dir := b.TempDir()
	for _, f := range gen.GenerateWorkspace(gen.WorkspaceOptions{}) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ws := workspace.New(workspace.Options{})
	ws.Index(context.Background(), []string{dir}, nil)
	return ws, dir
}

// crossRefs lists (document, offset) of every cross-file reference of the
// AsyncAPI documents.
func crossRefs(ws *workspace.Workspace) ([]*analysis.Document, []int, int) {
	var docs []*analysis.Document
	var offsets []int
	total := 0
	for _, f := range ws.Files() {
		for _, r := range f.Refs() {
			if r.Err == nil && r.Key.URI != f.URI {
				total++
				if f.IsAsyncAPI() {
					docs = append(docs, f.Doc)
					offsets = append(offsets, r.Value.Start+2)
				}
			}
		}
	}
	return docs, offsets, total
}

func BenchmarkIndexWorkspace(b *testing.B) {
	dir := b.TempDir()
	for _, f := range gen.GenerateWorkspace(gen.WorkspaceOptions{}) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	var files, crossFile int
	var heap uint64
	for b.Loop() {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		ws := workspace.New(workspace.Options{})
		ws.Index(context.Background(), []string{dir}, nil)
		_, _, crossFile = crossRefs(ws) // the per-file reference index is part of indexing
		files = len(ws.Files())
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		heap = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(ws)
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(crossFile), "cross-refs")
	b.ReportMetric(float64(heap)/(1<<20), "retained-MiB")
}

// latencies runs op over every sample (cycling) and reports p50 and p99.
func latencies(b *testing.B, n int, op func(i int)) {
	var took []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		op(i % n)
		took = append(took, time.Since(start))
		i++
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

func BenchmarkDefinitionCrossFile(b *testing.B) {
	ws, _ := benchWorkspace(b)
	docs, offsets, _ := crossRefs(ws)
	latencies(b, len(docs), func(i int) {
		if len(navigate.Definition(ws.Snapshot(docs[i]), offsets[i])) != 1 {
			b.Fatalf("no definition in %s at %d", docs[i].URI, offsets[i])
		}
	})
}

func BenchmarkReferencesCrossFile(b *testing.B) {
	ws, _ := benchWorkspace(b)
	docs, offsets, _ := crossRefs(ws)
	latencies(b, len(docs), func(i int) {
		if len(navigate.References(ws.Snapshot(docs[i]), offsets[i], true)) == 0 {
			b.Fatal("no references")
		}
	})
}

func BenchmarkRenameCrossFile(b *testing.B) {
	ws, _ := benchWorkspace(b)
	docs, offsets, _ := crossRefs(ws)
	latencies(b, len(docs), func(i int) {
		edits, err := navigate.Rename(ws.Snapshot(docs[i]), offsets[i], "Renamed_1")
		if err != nil && !isRefusal(err) {
			b.Fatal(err)
		}
		_ = edits
	})
}

func isRefusal(err error) bool {
	_, ok := err.(*navigate.RenameError)
	return ok
}

var _ = refs.Key{}
