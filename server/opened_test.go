package server

import (
	"math/rand/v2"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestDecodeOpenedMatchesProtocol reads didOpen parameters both ways: what
// decodeOpened takes must be what the protocol package decodes, and what
// the protocol package refuses decodeOpened must leave to it.
func TestDecodeOpenedMatchesProtocol(t *testing.T) {
	cases := []string{
		`{"textDocument":{"uri":"file:///a.yaml","languageId":"yaml","version":3,"text":"asyncapi: 3.0.0\n"}}`,
		`{"textDocument":{"text":"a: \"q\" \\/ \\u00e9 \\ud83d\\ude00 \\t\\r\\n","version":-1,"uri":"file:///%C3%A9.yaml","languageId":"yaml"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"old","text":"new"},"extra":[1,{"x":null}]}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1.5,"text":"a"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":4294967296,"text":"a"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","text":"no version"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":7}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"bad \x01 control"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"lone \ud800 surrogate"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"invalid ` + "\xff" + ` byte"}}`,
		`{"textDocument":{"uri":"file:///a.yaml","version":1,"text":"a"}} trailing`,
		`{"textDocument":[]}`,
		`[]`,
	}
	rng := rand.New(rand.NewPCG(7, 7))
	pieces := []string{"a", "é", "😀", `\n`, `\"`, `\\`, `\u0041`, `\ud83d\ude00`, " ", "key: value", `\t`, `\/`}
	for range 200 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, `{"textDocument":{"uri":"file:///r.yaml","languageId":"yaml","version":`+
			[]string{"1", "2", "0"}[rng.IntN(3)]+`,"text":"`+b.String()+`"}}`)
	}
	for _, c := range cases {
		u, version, text, ok := decodeOpened([]byte(c))
		var want protocol.DidOpenTextDocumentParams
		err := protocol.Unmarshal([]byte(c), &want)
		if !ok {
			continue // the protocol package decodes it, or answers the error
		}
		if err != nil {
			t.Errorf("%s: taken, but the protocol package refuses it: %v", c, err)
			continue
		}
		if u != want.TextDocument.URI || version != want.TextDocument.Version || string(text) != want.TextDocument.Text {
			t.Errorf("%s: got %q %d %q, want %q %d %q", c, u, version, text, want.TextDocument.URI, want.TextDocument.Version, want.TextDocument.Text)
		}
	}
	// The common shape is taken: otherwise the test above checks nothing.
	var n int
	for _, c := range cases {
		if _, _, _, ok := decodeOpened([]byte(c)); ok {
			n++
		}
	}
	if n < 150 {
		t.Errorf("only %d of %d parameters taken", n, len(cases))
	}
}
