package schemas

import "testing"

func TestTmpCases(t *testing.T) {
	cases := []struct{ v, src string }{
		{"3.0.0", `
asyncapi: 3.0.0
info: {title: x, version: "1"}
servers:
  prod: {host: h, protocol: kafka, security: [{type: httpApiKey, name: n, in: headr}]}
channels:
  user/signup:
    adress: a
    servers: [{host: x, protocol: kafka}]
    bindings:
      kafka: {topic: 1, partitionz: 3, bindingVersion: "0.5.0"}
  other:
    address: 5
    bindings:
      kafka: {bindingVersion: "9.9.9"}
    messages:
      m:
        payload: {type: strin}
        nme: x
operations:
  op:
    action: sendd
    channel: {address: x}
    messages: [{name: x}]
  op2:
    action: send
    channel: user
components:
  schemas:
    s: {type: object, properties: {a: {type: [string, 5]}}}
  securitySchemes:
    k: {type: apiKey, in: headr}
`},
		{"3.0.0", `
asyncapi: 3.0.0
info: {$ref: '#/x'}
`},
		{"2.6.0", `
asyncapi: 2.6.0
info: {title: x, version: "1"}
servers:
  prod: {url: x, protocl: kafka}
  ref: {$ref: '#/components/servers/x'}
channels:
  a:
    subscribe:
      message: {payload: {}, nam: x}
    publish:
      message: {oneOf: [{nam: x}]}
  b:
    subscribe: 5
`},
		{"2.0.0", `
asyncapi: 2.0.0
info: {title: x, version: "1"}
servers:
  ref: {$ref: '#/components/servers/x'}
channels: {}
`},
	}
	for _, c := range cases {
		probs, err := Validate(c.v, decodeYAML(t, c.src))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("=== %s", c.v)
		for _, p := range probs {
			t.Logf("   %s %q key=%v: %s [%s] %s", p.Code, p.Path, p.OnKey, p.Message, p.Suggestion, p.DocURL)
		}
	}
}
