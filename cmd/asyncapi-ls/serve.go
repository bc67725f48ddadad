package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"asyncapi-ls/server"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("asyncapi-ls", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.Bool("stdio", true, "speak LSP on stdin/stdout")
	logFile := fs.String("log-file", "", "log to this file instead of stderr")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error")
	cpuProfile := fs.String("cpu-profile", "", "write a CPU profile of the session to this file (for benchmarks)")
	memProfile := fs.String("mem-profile", "", "write a heap profile to this file when the session ends (for benchmarks)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "asyncapi-ls: unexpected argument %q\n\n%s", fs.Arg(0), usage)
		return 2
	}
	logger, closeLog, err := newLogger(*logFile, *logLevel, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "asyncapi-ls:", err)
		return 2
	}
	defer closeLog()
	logger.Info("asyncapi-ls starting", zap.String("version", version), zap.Int("pid", os.Getpid()))
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector works harder as the heap nears it, so
		// the garbage of a huge document's analysis is freed early (SECURITY.md).
		debug.SetMemoryLimit(softMemoryLimit)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "asyncapi-ls:", err)
			return 2
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	rulesGC := 0
	if os.Getenv("GOGC") == "" {
		rulesGC = rulesGCPercent
	}
	srv := server.New(server.Options{Logger: logger, Version: version, RulesGCPercent: rulesGC})
	code := srv.Serve(context.Background(), stdio{stdin, stdout})
	if *memProfile != "" {
		if f, err := os.Create(*memProfile); err == nil {
			runtime.GC()
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	logger.Info("asyncapi-ls exiting", zap.Int("code", code))
	return code
}

// softMemoryLimit is the server's default GOMEMLIMIT.
const softMemoryLimit = 1 << 30

// rulesGCPercent is the collector's target while the rules of a big
// document run, unless GOGC is set: at 1,000 channels, 7-13% less peak
// memory for 10-20% more processor time in those background runs.
const rulesGCPercent = 50

// stdio joins stdin and stdout into the connection's byte stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	if c, ok := s.Reader.(io.Closer); ok {
		c.Close()
	}
	return nil
}

// newLogger logs to a file or stderr, never to stdout: stdout is the protocol.
func newLogger(path, level string, stderr io.Writer) (*zap.Logger, func(), error) {
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, nil, fmt.Errorf("bad --log-level %q: %w", level, err)
	}
	sink := zapcore.AddSync(stderr)
	closeFn := func() {}
	if path != "" {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot open log file: %w", err)
		}
		sink = zapcore.AddSync(f)
		closeFn = func() { f.Close() }
	}
	enc := zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig())
	logger := zap.New(zapcore.NewCore(enc, zapcore.Lock(sink), lvl))
	return logger, func() { logger.Sync(); closeFn() }, nil
}
