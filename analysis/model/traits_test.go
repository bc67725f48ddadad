package model_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

func build(t *testing.T, text string) *model.Model {
	t.Helper()
	f := syntax.Parse([]byte(text), syntax.YAML)
	if f.Root == nil {
		t.Fatalf("no tree: %v", f.Errors)
	}
	return model.Build("file:///api/doc.yaml", f.Root, nil)
}

// messageWithTraits is one message with two traits, written for 2.x and 3.x.
const messageWithTraits = `
components:
  messages:
    M:
      name: own
      summary: own summary
      headers:
        type: object
        properties:
          own: {type: string}
          dropped: {type: string}
      traits:
        - name: first
          contentType: application/json
          headers:
            properties:
              fromTrait: {type: string}
              dropped: null
        - name: second
          summary: null
`

// TestAppliedTraits checks both merge orders: 2.x applies traits over the
// message, 3.x applies the message over its traits; objects merge key by
// key (null deletes a nested key and sets a top-level one to null).
func TestAppliedTraits(t *testing.T) {
	for _, c := range []struct {
		version     string
		name        string // the applied name
		summary     any    // the applied summary in the data
		contentType string
	}{
		{"2.6.0", "second", nil, "application/json"},
		{"3.0.0", "own", "own summary", "application/json"},
	} {
		t.Run(c.version, func(t *testing.T) {
			m := build(t, "asyncapi: "+c.version+"\n"+messageWithTraits)
			msg := m.Components.Messages[0]
			a := msg.Applied()
			if a.Name.Value != c.name || a.ContentType.Value != c.contentType {
				t.Errorf("applied name %q contentType %q, want %q %q", a.Name.Value, a.ContentType.Value, c.name, c.contentType)
			}
			if a.Payload != msg.Payload || len(a.Traits) != 2 || a.Key != "M" {
				t.Errorf("the applied view lost the message's own parts")
			}
			data, err := msg.AppliedData()
			if err != nil {
				t.Fatal(err)
			}
			if data["name"] != c.name || data["summary"] != c.summary || data["contentType"] != c.contentType {
				got, _ := json.Marshal(data)
				t.Errorf("applied data %s", got)
			}
			props := data["headers"].(map[string]any)["properties"].(map[string]any)
			_, own := props["own"]
			_, fromTrait := props["fromTrait"]
			_, dropped := props["dropped"]
			// In 3.x the message is applied last: its "dropped" is back.
			if !own || !fromTrait || dropped != (c.version == "3.0.0") {
				t.Errorf("headers merged to %v", props)
			}
		})
	}
}

// TestOperationTraitsAndActions: a 2.x publish is an operation the
// application receives, a subscribe one it sends; traits apply to both.
func TestOperationTraitsAndActions(t *testing.T) {
	m := build(t, `
asyncapi: 2.6.0
channels:
  a:
    publish:
      operationId: onA
      summary: own
      traits: [{summary: from trait, description: trait description}]
      message: {payload: {type: string}}
    subscribe:
      operationId: sendA
      message: {oneOf: [{name: one}, {name: two}]}
`)
	if len(m.Operations) != 2 {
		t.Fatalf("%d operations", len(m.Operations))
	}
	pub, sub := m.Operations[0], m.Operations[1]
	if pub.Action != model.Receive || pub.Verb != "publish" || pub.ID() != "onA" || sub.Action != model.Send || sub.ID() != "sendA" {
		t.Errorf("publish → %s %s %s, subscribe → %s %s", pub.Action, pub.Verb, pub.ID(), sub.Action, sub.ID())
	}
	if a := pub.Applied(); a.Summary.Value != "from trait" || a.Description.Value != "trait description" {
		t.Errorf("applied summary %q description %q", a.Summary.Value, a.Description.Value)
	}
	if len(sub.Messages) != 2 || sub.Messages[1].Name.Value != "two" {
		t.Errorf("oneOf read as %d messages", len(sub.Messages))
	}
	ch := m.Channels[0]
	if len(ch.Messages) != 3 || len(m.OperationsOf(ch)) != 2 || pub.Channel != ch {
		t.Errorf("channel: %d messages, %d operations", len(ch.Messages), len(m.OperationsOf(ch)))
	}
}

// TestImpliedMessagesAndWhoReferences: a 3.x operation without "messages"
// carries every message of its channel; references are indexed by target.
func TestImpliedMessagesAndWhoReferences(t *testing.T) {
	m := build(t, `
asyncapi: 3.0.0
channels:
  c:
    messages:
      a: {$ref: '#/components/messages/A'}
      b: {payload: {type: string}}
operations:
  all:
    action: send
    channel: {$ref: '#/channels/c'}
  one:
    action: receive
    channel: {$ref: '#/channels/c'}
    messages: [{$ref: '#/channels/c/messages/a'}]
  elsewhere:
    action: send
    channel: {$ref: './other.yaml#/c'}
components:
  messages:
    A: {payload: {type: string}}
`)
	all, one, elsewhere := m.Operations[0], m.Operations[1], m.Operations[2]
	if len(all.EffectiveMessages()) != 2 || len(one.EffectiveMessages()) != 1 {
		t.Errorf("effective messages: %d and %d", len(all.EffectiveMessages()), len(one.EffectiveMessages()))
	}
	a := m.Components.Messages[0]
	// The channel's reference names A; the operation's names the channel's
	// entry, a reference to A: both end at A.
	if refs := m.ReferencesTo(a); len(refs) != 2 || refs[0].At.Pointer[1] != "c" || refs[1].At.Pointer[1] != "one" {
		t.Errorf("references to A: %d", len(refs))
	}
	if ops := m.OperationsWith(a); len(ops) != 2 {
		t.Errorf("operations with A: %d", len(ops))
	}
	if ops := m.OperationsOf(m.Channels[0]); len(ops) != 2 {
		t.Errorf("operations of c: %d", len(ops))
	}
	if !errors.Is(elsewhere.Channel.Problem, model.ErrNoLoader) || elsewhere.Channel.Value != nil {
		t.Errorf("a reference to another file without a loader: %v", elsewhere.Channel.Problem)
	}
	if len(m.Messages()) != 2 {
		t.Errorf("%d messages", len(m.Messages()))
	}
}

// TestAliasesShareDefinitions: YAML aliases of one value are one
// definition, so a document that repeats values through aliases costs what
// its text costs, not what its expansion would.
func TestAliasesShareDefinitions(t *testing.T) {
	var b strings.Builder
	b.WriteString("asyncapi: 3.0.0\nx-tag: &tag {name: t}\nx-trait: &trait {tags: [")
	for i := range 40 {
		b.WriteString(map[bool]string{true: ", ", false: ""}[i > 0] + "*tag")
	}
	b.WriteString("]}\nx-message: &message {traits: [")
	for i := range 40 {
		b.WriteString(map[bool]string{true: ", ", false: ""}[i > 0] + "*trait")
	}
	b.WriteString("]}\nx-channel: &channel {messages: {")
	for i := range 40 {
		b.WriteString(map[bool]string{true: ", ", false: ""}[i > 0] + "m" + strconv.Itoa(i) + ": *message")
	}
	b.WriteString("}}\nchannels: {")
	for i := range 40 {
		b.WriteString(map[bool]string{true: ", ", false: ""}[i > 0] + "c" + strconv.Itoa(i) + ": *channel")
	}
	b.WriteString("}\n")
	m := build(t, b.String())
	elements := 0
	m.Walk(func(model.Element) bool { elements++; return true })
	// 40 channels, 40 message uses, one trait (aliases in a list share the
	// definition), one tag: expanded, it would be 40⁴.
	if len(m.Channels) != 40 || len(m.Channels[39].Messages) != 40 || elements > 200 {
		t.Errorf("%d channels, %d elements", len(m.Channels), elements)
	}
}
