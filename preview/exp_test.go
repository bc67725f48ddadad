package preview

import (
	"io"
	"syscall"
	"testing"
	"time"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/bench/gen"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestExpRender(t *testing.T) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000})
	doc := analysis.NewDocument("file:///bench/big.yaml", 1, text)
	t0 := cpu()
	doc.Root()
	t1 := cpu()
	snap := workspace.New(workspace.Options{}).Snapshot(doc)
	snap.Model()
	t2 := cpu()
	p := Build(snap)
	t3 := cpu()
	Write(io.Discard, p, Options{})
	t4 := cpu()
	t.Logf("parse %v model %v build %v write %v", t1-t0, t2-t1, t3-t2, t4-t3)
	for _, name := range []string{"channel", "message", "schema"} {
		s := cpu()
		switch name {
		case "channel":
			renderAll(name, p.Channels)
		case "message":
			renderAll(name, p.Messages)
		case "schema":
			renderAll(name, p.Schemas)
		}
		t.Logf("%s %v", name, cpu()-s)
	}
	s := cpu()
	q := *p
	q.Channels, q.Messages, q.Schemas = nil, nil, nil
	Write(io.Discard, &q, Options{})
	t.Logf("rest %v", cpu()-s)
}

func BenchmarkExpWrite(b *testing.B) {
	text := gen.Generate(gen.Options{Version: "3.0.0", Channels: 1000})
	doc := analysis.NewDocument("file:///bench/big.yaml", 1, text)
	p := Build(workspace.New(workspace.Options{}).Snapshot(doc))
	b.ResetTimer()
	for b.Loop() {
		Write(io.Discard, p, Options{})
	}
}
