package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// serverProcess is the launched server with its pipes.
type serverProcess struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr *tailBuffer
	exited chan struct{}
}

// startServer runs command through the shell with exec, so quoting works as
// typed and the shell does not stay around as the measured process.
func startServer(command string, logTo io.Writer) (*serverProcess, error) {
	if first, _, _ := strings.Cut(strings.TrimSpace(command), " "); strings.Contains(first, "=") {
		command = "env " + command // "VAR=x server" cannot follow exec
	}
	cmd := exec.Command("/bin/sh", "-c", "exec "+command)
	// Its own process group, so the whole tree can be killed at the end.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p := &serverProcess{cmd: cmd, stdin: stdin, stdout: stdout, stderr: &tailBuffer{max: 8 << 10}, exited: make(chan struct{})}
	if logTo != nil {
		cmd.Stderr = io.MultiWriter(p.stderr, logTo)
	} else {
		cmd.Stderr = p.stderr
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	return p, nil
}

func (p *serverProcess) pid() int { return p.cmd.Process.Pid }

// stop waits up to grace for a voluntary exit, then kills the group.
func (p *serverProcess) stop(grace time.Duration) {
	_ = p.stdin.Close()
	select {
	case <-p.exited:
		return
	case <-time.After(grace):
	}
	_ = syscall.Kill(-p.pid(), syscall.SIGKILL)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
	}
}

// tailBuffer keeps the last max bytes written, for error reports.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(b), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.TrimSpace(t.buf))
}

func fileWriter(path string) (io.Writer, func(), error) {
	if path == "" {
		return nil, func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
