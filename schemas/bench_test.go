package schemas

import (
	"encoding/json"
	"fmt"
	"testing"
)

// bigDocument builds a 3.0 document of n channels, each with an operation, a message whose payload is
// a small JSON Schema, and a Kafka binding.
func bigDocument(n int) map[string]any {
	channels := map[string]any{}
	operations := map[string]any{}
	messages := map[string]any{}
	for i := 0; i < n; i++ {
		ch := fmt.Sprintf("user%d", i)
		channels[ch] = map[string]any{
			"address":     fmt.Sprintf("user/%d/signedup", i),
			"description": "Users who signed up, one event per user, published as soon as the account exists.",
			"messages": map[string]any{
				"signedUp": map[string]any{"$ref": fmt.Sprintf("#/components/messages/signedUp%d", i)},
			},
			"bindings": map[string]any{"kafka": map[string]any{
				"topic": fmt.Sprintf("user.%d.signedup", i), "partitions": json.Number("3"), "bindingVersion": "0.5.0",
			}},
		}
		operations[fmt.Sprintf("onUser%d", i)] = map[string]any{
			"action":   "receive",
			"channel":  map[string]any{"$ref": "#/channels/" + ch},
			"messages": []any{map[string]any{"$ref": "#/channels/" + ch + "/messages/signedUp"}},
		}
		messages[fmt.Sprintf("signedUp%d", i)] = map[string]any{
			"name": "UserSignedUp", "contentType": "application/json",
			"payload": map[string]any{
				"type": "object",
				"properties": map[string]any{
					"displayName": map[string]any{"type": "string", "description": "Name of the user"},
					"email":       map[string]any{"type": "string", "format": "email", "description": "Email of the user"},
					"age":         map[string]any{"type": "integer", "minimum": json.Number("0")},
					"tags":        map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
				},
				"required": []any{"displayName", "email"},
			},
		}
	}
	return map[string]any{
		"asyncapi":   "3.0.0",
		"info":       map[string]any{"title": "Users", "version": "1.0.0"},
		"channels":   channels,
		"operations": operations,
		"components": map[string]any{"messages": messages},
	}
}

func BenchmarkValidate1000Channels(b *testing.B) {
	benchValidate(b, bigDocument(1000))
}

// About 5 MB of JSON.
func BenchmarkValidate5MB(b *testing.B) {
	benchValidate(b, bigDocument(7000))
}

func benchValidate(b *testing.B, doc map[string]any) {
	if _, err := Validate("3.0.0", doc); err != nil { // compile outside the timing
		b.Fatal(err)
	}
	raw, _ := json.Marshal(doc)
	b.ReportMetric(float64(len(raw))/1e6, "MB")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		probs, err := Validate("3.0.0", doc)
		if err != nil || len(probs) != 0 {
			b.Fatalf("%v %v", err, probs)
		}
	}
}

// A payload schema nested 60 levels deep, with a mistake at the bottom.
func BenchmarkValidateDeepSchema(b *testing.B) {
	leaf := map[string]any{"type": "strin"}
	for i := 0; i < 60; i++ {
		leaf = map[string]any{"type": "object", "properties": map[string]any{"p": leaf}, "items": map[string]any{"type": "string"}}
	}
	doc := map[string]any{
		"asyncapi": "3.0.0", "info": map[string]any{"title": "T", "version": "1"},
		"components": map[string]any{"schemas": map[string]any{"deep": leaf}},
	}
	probs, err := Validate("3.0.0", doc)
	if err != nil || len(probs) != 1 {
		b.Fatalf("%v %v", err, probs)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Validate("3.0.0", doc)
	}
}

// The large document with one mistake in every tenth channel.
func BenchmarkValidate5MBInvalid(b *testing.B) {
	doc := bigDocument(7000)
	n := 0
	for name, ch := range doc["channels"].(map[string]any) {
		if n%10 == 0 {
			ch.(map[string]any)["adress"] = name
		}
		n++
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		probs, err := Validate("3.0.0", doc)
		if err != nil || len(probs) != 700 {
			b.Fatalf("%v %d", err, len(probs))
		}
	}
}

// The same document through santhosh-tekuri/jsonschema alone (validity only, no readable problems),
// as the yardstick of BenchmarkValidate5MB.
func BenchmarkReferenceValidator5MB(b *testing.B) {
	ref := reference(b, "3.0.0")
	doc := bigDocument(7000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ref.Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
}
