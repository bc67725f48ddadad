package conformance

import (
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
)

// TestBeyondParserIsAWarning: the 3.x specification requires an example's
// payload to fit the message's payload schema, but the official parser
// checks examples of 2.x documents only (the kraken 3.x examples of the
// corpus miss it). Outside strict mode the finding is a warning that says
// why; in strict mode, an error.
func TestBeyondParserIsAWarning(t *testing.T) {
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
	for _, strict := range []bool{false, true} {
		want := analysis.SeverityWarning
		if strict {
			want = analysis.SeverityError
		}
		var got []analysis.Diagnostic
		for _, d := range analysis.Analyze(analysis.NewDocument("x.yaml", 1, []byte(doc)), config.New(&config.Config{Strict: strict}, nil)) {
			if d.Code == "asyncapi-message-examples" {
				got = append(got, d)
			}
		}
		if len(got) != 1 || got[0].Severity != want || !strings.Contains(got[0].Message, "specification requires") {
			t.Errorf("strict %v: want one %v that says the specification requires it, got %+v", strict, want, got)
		}
	}
}
