// Package editors_test runs the editor integration tests (editors/test.sh:
// VS Code's protocol library, the packaged .vsix, headless Neovim, Emacs with
// Eglot, the JetBrains and Helix files) against a freshly built binary, so
// that `go test ./...` covers the real clients too.
package editors_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestEditors(t *testing.T) {
	if testing.Short() {
		t.Skip("editor tests are long; skipped in -short mode")
	}
	var missing []string
	for _, tool := range []string{"nvim", "emacs", "node", "npm", "python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if _, err := os.Stat("vscode/node_modules"); err != nil {
		missing = append(missing, "vscode/node_modules (run editors/install-deps.sh)")
	}
	if len(missing) > 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("editor test tools missing in CI: %s", strings.Join(missing, ", "))
		}
		t.Skipf("editor test tools missing (%s); run editors/install-deps.sh", strings.Join(missing, ", "))
	}
	bin := filepath.Join(t.TempDir(), "asyncapi-ls")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/asyncapi-ls").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command("bash", "test.sh", bin)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("editors/test.sh failed: %v", err)
	}
}
