package conformance

import (
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
)

// TestStricterV3MessageExamples documents where asyncapi-ls is stricter than
// the official parser on purpose: the parser validates message examples of
// 2.x documents only, but the 3.x specification requires an example's
// payload to validate against the message's payload schema as well.
func TestStricterV3MessageExamples(t *testing.T) {
	const doc = `asyncapi: 3.0.0
info: {title: t, version: '1'}
channels:
  c:
    messages:
      m:
        payload:
          type: object
          properties:
            pair: {type: array}
        examples:
          - payload: {pair: XBT/EUR}
`
	var codes []string
	for _, d := range analysis.Analyze(analysis.NewDocument("x.yaml", 1, []byte(doc)), config.New(nil, nil)) {
		if d.Severity == analysis.SeverityError {
			codes = append(codes, d.Code)
		}
	}
	if len(codes) != 1 || codes[0] != "asyncapi-message-examples" {
		t.Fatalf("want one asyncapi-message-examples error, got %v", codes)
	}
}
