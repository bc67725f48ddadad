package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDocs: the static page of an example, its exit codes, and a page that
// loads nothing (every script and style inline, no src attribute).
func TestDocs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "page.html")
	if _, stderr, code := runBinary(t, "docs", "-o", out, "../../examples/account-service.yaml"); code != 0 {
		t.Fatalf("docs: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{"<h1>Account Service", "users.{userId}.signedup", "publishUserSignedUp", `class="badge send"`,
		"Content-Security-Policy", `<svg class="flow"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if regexp.MustCompile(`\ssrc=`).MatchString(page) || strings.Contains(page, `rel="stylesheet"`) {
		t.Error("the page loads something from outside")
	}
	// To stdout without -o.
	if stdout, _, code := runBinary(t, "docs", "../../examples/account-service.yaml"); code != 0 || !strings.HasPrefix(stdout, "<!doctype html>") {
		t.Errorf("docs to stdout: exit %d, %.40q", code, stdout)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"docs"}, 2, "usage"},
		{[]string{"docs", "a.yaml", "b.yaml"}, 2, "usage"},
		{[]string{"docs", filepath.Join(t.TempDir(), "missing.yaml")}, 2, "no such file"},
		{[]string{"docs", "-o", filepath.Join(t.TempDir(), "x.html"), "../../editors/testdata/not-asyncapi.yaml"}, 1, "not an AsyncAPI document"},
	} {
		if _, stderr, code := runBinary(t, c.args...); code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}

// TestPreviewCommand: the live page of a file follows the file, and stops
// on an interrupt.
func TestPreviewCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "api.yaml")
	text, err := os.ReadFile("../../examples/account-service.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, text, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "preview", file)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/\S+`).FindString(sc.Text()); u != "" {
				urls <- u
			}
		}
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(20 * time.Second):
		t.Fatal("preview printed no URL")
	}
	get := func(u string) (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get(url); code != 200 || !strings.Contains(body, "Account Service") {
		t.Fatalf("GET %s: %d", url, code)
	}
	time.Sleep(20 * time.Millisecond) // a new modification time
	if err := os.WriteFile(file, []byte(strings.Replace(string(text), "title: Account Service", "title: Renamed Service", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, body := get(url + "content"); strings.Contains(body, "Renamed Service") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the page does not follow the file")
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("preview after an interrupt: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("preview does not stop on an interrupt")
	}
}
