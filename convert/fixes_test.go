package convert

import (
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/source"
)

// TestFixes mends one 2.x habit of a 3.x document at a time, with the
// conversion's rules, and checks the whole resulting text.
func TestFixes(t *testing.T) {
	const doc = `asyncapi: 3.0.0
info:
  title: Habits
  version: 1.0.0
servers:
  production:
    url: wss://ws.example.com/socket # the gateway
    protocol: wss
channels:
  user/signedup:
    parameters:
      id:
        # which user
        schema:
          type: string
          enum: [a, b]
    # we hear about new users
    publish:
      operationId: onSignup
      message:
        payload:
          type: object
  plain:
    address: plain
    messages:
      Ping:
        payload: {type: string}
operations:
  ping:
    action: send
    channel:
      $ref: '#/channels/plain'
    message:
      name: Pong
      payload: {type: string}
components:
  messages:
    Again:
      payload:
        $ref: '#/channels/user~1signedup/publish/message/payload'
`
	for _, c := range []struct {
		name string
		fix  func(d *analysis.Document) []source.Edit
		want string
	}{
		{"server url", func(d *analysis.Document) []source.Edit { return FixServerURL(d, []string{"servers", "production"}) },
			"    host: ws.example.com # the gateway\n    pathname: /socket\n    protocol: wss\n"},
		{"parameter schema", func(d *analysis.Document) []source.Edit {
			return FixParameterSchema(d, []string{"channels", "user/signedup", "parameters", "id"})
		}, "      id:\n        # which user\n        enum: [a, b]\n"},
		{"channel address", func(d *analysis.Document) []source.Edit {
			return FixChannelAddress(d, []string{"channels", "user/signedup"})
		},
			"  user/signedup:\n    address: user/signedup\n    parameters:\n"},
		{"channel operations", func(d *analysis.Document) []source.Edit {
			return FixChannelOperations(d, []string{"channels", "user/signedup"}, "application")
		}, "    messages:\n      onSignup.message:\n        payload:\n          type: object\n  plain:\n"},
		{"channel operations, moved", func(d *analysis.Document) []source.Edit {
			return FixChannelOperations(d, []string{"channels", "user/signedup"}, "application")
		}, "  # we hear about new users\n  onSignup:\n    action: receive\n    channel:\n      $ref: '#/channels/user~1signedup'\n    messages:\n      - $ref: '#/channels/user~1signedup/messages/onSignup.message'\n"},
		{"channel operations, references", func(d *analysis.Document) []source.Edit {
			return FixChannelOperations(d, []string{"channels", "user/signedup"}, "application")
		}, "        $ref: '#/channels/user~1signedup/messages/onSignup.message/payload'\n"},
		{"operation message", func(d *analysis.Document) []source.Edit {
			return FixOperationMessage(d, []string{"operations", "ping"})
		},
			"      Ping:\n        payload: {type: string}\n      ping.message:\n        name: Pong\n        payload: {type: string}\n"},
		{"operation message, reference", func(d *analysis.Document) []source.Edit {
			return FixOperationMessage(d, []string{"operations", "ping"})
		},
			"    messages:\n      - $ref: '#/channels/plain/messages/ping.message'\ncomponents:\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := analysis.NewDocument("habits.yaml", 1, []byte(doc))
			edits := c.fix(d)
			if len(edits) == 0 {
				t.Fatal("no edits")
			}
			text := []byte(doc)
			for i := len(edits) - 1; i >= 0; i-- {
				var err error
				if text, err = source.Apply(text, edits[i]); err != nil {
					t.Fatal(err)
				}
			}
			if !strings.Contains(string(text), c.want) {
				t.Errorf("result lacks\n%s\nin\n%s", c.want, text)
			}
			if errs := analysis.NewDocument("habits.yaml", 2, text).File().Errors; len(errs) > 0 {
				t.Errorf("result does not parse: %v", errs[0].Message)
			}
		})
	}
	// Nothing to mend: no edits.
	d := analysis.NewDocument("habits.yaml", 1, []byte(doc))
	for name, edits := range map[string][]source.Edit{
		"server without url":         FixServerURL(d, []string{"servers", "missing"}),
		"parameter without schema":   FixParameterSchema(d, []string{"channels", "plain", "parameters", "x"}),
		"channel with an address":    FixChannelAddress(d, []string{"channels", "plain"}),
		"channel without operations": FixChannelOperations(d, []string{"channels", "plain"}, "application"),
		"operation without message":  FixOperationMessage(d, []string{"operations", "missing"}),
	} {
		if len(edits) != 0 {
			t.Errorf("%s: edits %v", name, edits)
		}
	}
}
