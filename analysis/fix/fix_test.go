package fix

import (
	"testing"

	"asyncapi-ls/analysis/config"
)

// TestMakersKeyedByRegisteredCodes: every quick fix answers a code that a
// diagnostic can carry (a rule's, a built-in check's or a schema problem's),
// spelt as diagnostics spell it, not as an alias.
func TestMakersKeyedByRegisteredCodes(t *testing.T) {
	known := map[string]bool{}
	for _, c := range config.Codes() {
		known[c] = true
	}
	if len(makers) == 0 {
		t.Fatal("no quick fixes registered")
	}
	for code := range makers {
		if !known[code] {
			t.Errorf("a quick fix is keyed by %q, which no diagnostic carries", code)
		} else if canonical := config.Canonical(code); canonical != code {
			t.Errorf("a quick fix is keyed by the alias %q of %q", code, canonical)
		}
	}
}
