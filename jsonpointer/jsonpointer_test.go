package jsonpointer

import (
	"slices"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, tokens := range [][]string{nil, {""}, {"a", "b"}, {"user/{id}", "a~b", "~1", "~01", "/~"}, {"", "x", ""}} {
		ptr := Format(tokens)
		got, ok := Split(ptr)
		if !ok || !slices.Equal(got, tokens) {
			t.Errorf("%q → %q → %q (%v)", tokens, ptr, got, ok)
		}
	}
}

func TestEscapeOrder(t *testing.T) {
	// RFC 6901: "~01" reads as "~1" (the "~0" first would give "/").
	for tok, want := range map[string]string{"~01": "~1", "~1": "/", "~0": "~", "a~1b~0c": "a/b~c", "plain": "plain"} {
		if got := Unescape(tok); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", tok, got, want)
		}
	}
	for tok, want := range map[string]string{"~1": "~01", "/": "~1", "a/b~c": "a~1b~0c"} {
		if got := Escape(tok); got != want {
			t.Errorf("Escape(%q) = %q, want %q", tok, got, want)
		}
	}
	if _, ok := Split("a/b"); ok {
		t.Error("a pointer without a leading slash was accepted")
	}
}
