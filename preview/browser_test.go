package preview_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrowser runs browser/test.mjs: the static and live pages in Debian's
// Chromium through playwright-core (see that file). It needs node, chromium
// and `npm ci` in preview/browser; CI installs them (.ci/run) and there a
// missing one fails the test instead of skipping it.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is long; skipped in -short mode")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	var missing []string
	if _, err := exec.LookPath("node"); err != nil {
		missing = append(missing, "node")
	}
	if _, err := os.Stat(chromium); err != nil {
		missing = append(missing, chromium+" (apt-get install chromium)")
	}
	if _, err := os.Stat("browser/node_modules/playwright-core"); err != nil {
		missing = append(missing, "preview/browser/node_modules (npm ci in preview/browser)")
	}
	if len(missing) > 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser test tools missing in CI: %s", strings.Join(missing, ", "))
		}
		t.Skipf("browser test tools missing: %s", strings.Join(missing, ", "))
	}
	bin := filepath.Join(t.TempDir(), "asyncapi-ls")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/asyncapi-ls").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command("node", "--test", "--test-reporter=tap", "test.mjs")
	cmd.Dir = "browser"
	cmd.Env = append(os.Environ(), "ASYNCAPI_LS_BIN="+bin, "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("preview/browser/test.mjs failed: %v", err)
	}
}
