package live

import (
	"encoding/json"
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
	// One character off (one that differs: a token may end in "x").
	last := "x"
	if strings.HasSuffix(s.token, last) {
		last = "y"
	}
	wrong := strings.Replace(url, s.token, s.token[:len(s.token)-1]+last, 1)
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

// poll asks whether the page changed since stamp, as the page's script
// does; it returns the answer.
func poll(t *testing.T, url, since string) (stamp string, changed bool) {
	t.Helper()
	resp, err := http.Get(url + "events?since=" + since)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct {
		Stamp   string `json:"stamp"`
		Changed bool   `json:"changed"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		t.Fatalf("events answer: %v", err)
	}
	return answer.Stamp, answer.Changed
}

func TestEventsFollowTheSource(t *testing.T) {
	s, src, url := start(t)
	// A question with the current stamp waits for the change.
	go func() {
		time.Sleep(100 * time.Millisecond)
		src.version.Store(1)
	}()
	started := time.Now()
	if stamp, changed := poll(t, url, "0"); stamp != "1" || !changed {
		t.Fatalf("after the change: %q %v, want stamp 1, changed", stamp, changed)
	}
	if time.Since(started) < 50*time.Millisecond {
		t.Error("the answer came before the change")
	}
	if _, body := get(t, url+"page"); !strings.Contains(body, "version 1") {
		t.Errorf("the page after the change does not show it")
	}
	// An old stamp is answered at once.
	if stamp, changed := poll(t, url, "0"); stamp != "1" || !changed {
		t.Errorf("an old stamp: %q %v", stamp, changed)
	}
	// Notify and a new source wake a waiting question.
	for _, wake := range []func(){
		func() { s.Notify("file:///a.yaml") },
		func() { s.Show("file:///a.yaml", src) },
	} {
		go func() { time.Sleep(100 * time.Millisecond); wake() }()
		if _, changed := poll(t, url, "1"); !changed {
			t.Error("a woken question answered no change")
		}
	}
	// Close answers waiting questions.
	done := make(chan struct{})
	go func() {
		defer close(done)
		resp, err := http.Get(url + "events?since=1")
		if err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(100 * time.Millisecond)
	s.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a waiting question outlived Close")
	}
}

// TestChangeBeforeTheQuestionIsAnnounced: a change between the page's
// render and its first question is not lost.
func TestChangeBeforeTheQuestionIsAnnounced(t *testing.T) {
	_, src, url := start(t)
	_, body := get(t, url)
	stamp := regexp.MustCompile(`data-stamp="([^"]*)"`).FindStringSubmatch(body)
	if stamp == nil || stamp[1] != "0" {
		t.Fatalf("the page carries no stamp (or not the source's): %v", stamp)
	}
	src.version.Store(7)
	if got, changed := poll(t, url, stamp[1]); got != "7" || !changed {
		t.Fatalf("the change made before the question: %q %v", got, changed)
	}
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
