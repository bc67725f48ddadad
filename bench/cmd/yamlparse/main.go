// Command yamlparse times one bare parse of a file by yaml v3 into its node
// tree, on one thread, in process: the reference that "open -> first
// diagnostics" is held to (issue 17: at most 1.5 times this). It writes a
// record that bench/cmd/report reads beside the LSP ones.
//
//	yamlparse -doc f.yaml -n 5 -json out.json
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"

	"asyncapi-ls/bench/internal/results"

	"go.yaml.in/yaml/v3"
)

// Name labels the record in the report.
const Name = "yaml v3 parse, 1 thread"

func main() {
	doc := flag.String("doc", "", "the file to parse")
	n := flag.Int("n", 5, "timed parses (after one untimed)")
	out := flag.String("json", "", "write the record here (default stdout)")
	flag.Parse()
	if *doc == "" {
		fmt.Fprintln(os.Stderr, "usage: yamlparse -doc FILE [-n N] [-json OUT]")
		os.Exit(2)
	}
	text, err := os.ReadFile(*doc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	runtime.GOMAXPROCS(1) // one thread, the collector included
	r := results.CLI{Name: Name, Doc: *doc, Command: []string{"yaml.Unmarshal", "*yaml.Node"}, Baseline: true}
	r.Load[0] = results.LoadAverage()
	var walls, cpus []float64
	for i := 0; i <= *n; i++ {
		runtime.GC()
		c0, t0 := cpuTime(), time.Now()
		var node yaml.Node
		if err := yaml.Unmarshal(text, &node); err != nil {
			r.Error = err.Error()
			break
		}
		wall, cpu := time.Since(t0), cpuTime()-c0
		runtime.KeepAlive(&node)
		if i > 0 {
			walls = append(walls, float64(wall.Microseconds())/1000)
			cpus = append(cpus, float64(cpu.Microseconds())/1000)
		}
	}
	if err := r.Finish(walls, cpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%s: p50 %.0f ms (CPU %.0f ms) over %d runs, load %.1f %s\n", Name, r.WallMS.P50, r.CPUMS.P50, r.Runs, r.Load[0], r.Error)
	if r.Error != "" {
		os.Exit(1)
	}
}

// cpuTime is the processor time this process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
