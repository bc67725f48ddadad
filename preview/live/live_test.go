package live

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"asyncapi-ls/preview"
)

type fakeSource struct{ version atomic.Int64 }

func (f *fakeSource) Stamp() string { return fmt.Sprint(f.version.Load()) }
func (f *fakeSource) Render(w io.Writer, opts preview.Options) error {
	return preview.Write(w, &preview.Page{Title: fmt.Sprintf("version %d", f.version.Load())}, opts)
}

func start(t *testing.T) (*Server, *fakeSource, string) {
	t.Helper()
	s, err := Start(Options{Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	src := &fakeSource{}
	return s, src, s.Show("file:///a.yaml", src)
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestLoopbackOnly(t *testing.T) {
	s, _, url := start(t)
	if !strings.HasPrefix(s.Addr(), "127.0.0.1:") || !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("listens on %s, serves %s; want 127.0.0.1", s.Addr(), url)
	}
}

func TestTokenRequired(t *testing.T) {
	s, _, url := start(t)
	if resp, _ := get(t, url); resp.StatusCode != 200 {
		t.Fatalf("the page answers %d", resp.StatusCode)
	}
	root := "http://" + s.Addr()
	tokenless := strings.Replace(url, s.token, "", 1)
	wrong := strings.Replace(url, s.token, s.token[:len(s.token)-1]+"x", 1)
	for _, u := range []string{root + "/", root + "/favicon.ico", tokenless, wrong, root + "/d/1/", root + "/d/1/events",
		strings.Replace(url, s.token, strings.ToUpper(s.token), 1), root + "/" + s.token[:8] + "/d/1/"} {
		if resp, body := get(t, u); resp.StatusCode != http.StatusForbidden || strings.Contains(body, "<html") {
			t.Errorf("GET %s: %d, want 403 and no page", u, resp.StatusCode)
		}
	}
	if resp, _ := get(t, url+"../../d/9/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown page: %d, want 404", resp.StatusCode)
	}
	resp, err := http.Post(url, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
}

var nonceAttr = regexp.MustCompile(`<script nonce="([^"]+)">`)

func TestEveryResponseHasItsOwnNonce(t *testing.T) {
	_, _, url := start(t)
	seen := map[string]bool{}
	for i := 0; i < 3; i++ {
		resp, body := get(t, url)
		csp := resp.Header.Get("Content-Security-Policy")
		m := nonceAttr.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no nonced script in the page")
		}
		if !strings.Contains(csp, "script-src 'nonce-"+m[1]+"'") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("CSP %q does not allow exactly the page's nonce %s", csp, m[1])
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("CSP allows inline code: %q", csp)
		}
		if seen[m[1]] {
			t.Errorf("nonce %s reused", m[1])
		}
		seen[m[1]] = true
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("X-Content-Type-Options %q", got)
		}
	}
}

func TestEventsFollowTheSource(t *testing.T) {
	s, src, url := start(t)
	resp, err := http.Get(url + "events?since=0")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitEvent := func(what string) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("%s: stream ended", what)
				}
				if l == "event: change" {
					return
				}
			case <-deadline:
				t.Fatalf("%s: no change event", what)
			}
		}
	}
	src.version.Store(1)
	waitEvent("stamp changed")
	if _, body := get(t, url+"page"); !strings.Contains(body, "version 1") {
		t.Errorf("the page after the change does not show it")
	}
	s.Notify("file:///a.yaml")
	waitEvent("notified")
	s.Show("file:///a.yaml", &fakeSource{})
	waitEvent("source replaced")
	// Close ends the stream.
	s.Close()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-lines:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("the event stream outlived Close")
		}
	}
}

// TestChangeBeforeTheStreamIsAnnounced: a change between the page's render
// and its event stream is not lost.
func TestChangeBeforeTheStreamIsAnnounced(t *testing.T) {
	_, src, url := start(t)
	_, body := get(t, url)
	stamp := regexp.MustCompile(`data-stamp="([^"]*)"`).FindStringSubmatch(body)
	if stamp == nil || stamp[1] != "0" {
		t.Fatalf("the page carries no stamp (or not the source's): %v", stamp)
	}
	src.version.Store(7)
	resp, err := http.Get(url + "events?since=" + stamp[1])
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	deadline := time.AfterFunc(5*time.Second, func() { resp.Body.Close() })
	defer deadline.Stop()
	for sc.Scan() {
		if sc.Text() == "event: change" {
			return
		}
	}
	t.Fatal("the change made before the stream opened was not announced")
}

func TestShowKeepsTheURLOfAKey(t *testing.T) {
	s, _, url := start(t)
	if again := s.Show("file:///a.yaml", &fakeSource{}); again != url {
		t.Errorf("same document, new URL: %s vs %s", again, url)
	}
	if other := s.Show("file:///b.yaml", &fakeSource{}); other == url {
		t.Errorf("two documents share %s", url)
	}
}
