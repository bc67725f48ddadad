package convert

import (
	"errors"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
)

// files is a Resolver over texts in memory.
type files map[string]string

func (f files) Load(uri string) (*analysis.Document, error) {
	text, ok := f[uri]
	if !ok {
		return nil, errors.New("no such file")
	}
	return analysis.NewDocument(uri, 1, []byte(text)), nil
}

// TestExternalNotes: every kind of object that a reference brings from
// another file, and that 3.0 wants changed there, gets a note naming the
// file and the change; objects already fine get none.
func TestExternalNotes(t *testing.T) {
	resolver := files{
		"file:///api/parts.yaml": `servers:
  old: {url: 'mqtt://broker', protocol: mqtt}
  fine: {host: broker, protocol: mqtt}
channels:
  legacy:
    parameters:
      id: {schema: {type: string}}
    publish:
      message: {payload: {type: string}}
messages:
  Legacy: {messageId: legacy, schemaFormat: application/vnd.apache.avro;version=1.9.0, payload: {type: string}}
  Fine: {payload: {type: string}}
parameters:
  id: {schema: {type: string}}
schemes:
  oauth:
    type: oauth2
    flows:
      implicit: {authorizationUrl: 'https://auth', scopes: {read: Read.}}
traits:
  op: {operationId: traitId}
  msg: {messageId: traitId}
`,
	}
	doc := analysis.NewDocument("file:///api/asyncapi.yaml", 1, []byte(`asyncapi: 2.6.0
info: {title: T, version: 1.0.0}
servers:
  old: {$ref: 'parts.yaml#/servers/old'}
  fine: {$ref: 'parts.yaml#/servers/fine'}
channels:
  legacy: {$ref: 'parts.yaml#/channels/legacy'}
  local:
    parameters:
      id: {$ref: 'parts.yaml#/parameters/id'}
    publish:
      traits: [{$ref: 'parts.yaml#/traits/op'}]
      message:
        oneOf:
          - $ref: 'parts.yaml#/messages/Legacy'
          - $ref: 'parts.yaml#/messages/Fine'
          - $ref: 'missing.yaml#/nowhere'
components:
  securitySchemes:
    oauth: {$ref: 'parts.yaml#/schemes/oauth'}
  messageTraits:
    common: {$ref: 'parts.yaml#/traits/msg'}
`))
	res, err := Convert(doc, Options{Resolver: resolver})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range res.Notes {
		got = append(got, n.Pointer()+": "+n.Message)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"/servers/old: leads to ./parts.yaml, which the conversion does not rewrite; for 3.0 it must change there: url becomes host (and pathname).",
		"/channels/legacy: leads to ./parts.yaml, which the conversion does not rewrite; for 3.0 it must change there: publish moves out of the channel into operations of this document, its messages into the channel's messages; its parameters lose their schema; it needs an address.",
		"/channels/local/parameters/id: leads to ./parts.yaml", "schema gives way to enum, default and examples.",
		"/channels/local/publish/message/oneOf/0: leads to ./parts.yaml", "messageId goes (the key of the message names it); schemaFormat moves into the payload, beside the payload's schema.",
		"/channels/local/publish/traits/0: leads to ./parts.yaml", "operationId goes.",
		"/components/securitySchemes/oauth: leads to ./parts.yaml", "the scopes of its flows are called availableScopes.",
		"/components/messageTraits/common: leads to ./parts.yaml", "messageId goes.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	for _, unwanted := range []string{"/servers/fine", "oneOf/1", "oneOf/2"} {
		if strings.Contains(all, unwanted+":") {
			t.Errorf("a note for %s, which needs none:\n%s", unwanted, all)
		}
	}
	// Notes stand where the reference is written, once each.
	seen := map[int]bool{}
	for _, n := range res.Notes {
		if seen[n.Start] {
			t.Errorf("two notes at %s", n.Pointer())
		}
		seen[n.Start] = true
		if !strings.HasPrefix(string(doc.Text[n.Start:n.End]), "'parts.yaml#") {
			t.Errorf("note %s at %q", n.Pointer(), doc.Text[n.Start:n.End])
		}
	}
}
