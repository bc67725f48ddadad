// Command cmdbench times a command-line checker on one file: it runs the
// command several times and records wall time, the child's peak resident
// memory and exit codes as JSON, for bench/cmd/report to compare.
//
//	cmdbench -name vacuum -doc f.yaml -n 5 -json out.json -- vacuum lint f.yaml
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"asyncapi-ls/bench/internal/results"
)

type Result = results.CLI

func main() {
	name := flag.String("name", "", "label for the tool")
	doc := flag.String("doc", "", "the file being checked (for the report)")
	n := flag.Int("n", 5, "timed runs")
	warmup := flag.Int("warmup", 1, "untimed runs first (page cache, JIT caches)")
	timeout := flag.Duration("timeout", 5*time.Minute, "limit per run")
	out := flag.String("json", "", "write the result here (default stdout)")
	flag.Parse()
	argv := flag.Args()
	if len(argv) == 0 || *name == "" {
		fmt.Fprintln(os.Stderr, "usage: cmdbench -name NAME [-doc FILE] [-n N] [-json OUT] -- COMMAND ARGS...")
		os.Exit(2)
	}
	r := Result{Name: *name, Doc: *doc, Command: argv}
	r.Load[0] = results.LoadAverage()
	var walls, cpus []float64
	for i := 0; i < *warmup+*n; i++ {
		wall, cpu, rssKB, code, last, err := runOnce(argv, *timeout)
		if err != nil {
			r.Error = err.Error()
			break
		}
		if i < *warmup {
			continue
		}
		walls, cpus = append(walls, wall), append(cpus, cpu)
		r.MaxRSSMB = max(r.MaxRSSMB, float64(rssKB)/1024)
		r.ExitCodes = append(r.ExitCodes, code)
		r.LastLine = last
	}
	if err := r.Finish(walls, cpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%s: p50 %.0f ms (CPU %.0f ms), max RSS %.0f MB over %d runs, load %.1f %s\n",
		*name, r.WallMS.P50, r.CPUMS.P50, r.MaxRSSMB, r.Runs, r.Load[0], r.Error)
	if r.Error != "" {
		os.Exit(1)
	}
}

// runOnce returns wall and processor (user + system) milliseconds, the
// child's ru_maxrss in kB, its exit code and the last line it printed. A
// non-zero exit is not an error: checkers exit 1 when they find problems.
func runOnce(argv []string, timeout time.Duration) (wall, cpu float64, rss int64, code int, last string, err error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = nil
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, 0, 0, "", err
	}
	timer := time.AfterFunc(timeout, func() { _ = cmd.Process.Kill() })
	err = cmd.Wait()
	timer.Stop()
	wall = float64(time.Since(start).Microseconds()) / 1000
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return 0, 0, 0, 0, "", err
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	cpu = float64((cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Microseconds()) / 1000
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 0, 0, 0, 0, "", fmt.Errorf("killed by %v (timeout %s?)", ws.Signal(), timeout)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	return wall, cpu, rss, cmd.ProcessState.ExitCode(), strings.TrimSpace(lines[len(lines)-1]), nil
}
