module asyncapi-ls

go 1.26

require (
	github.com/asyncapi/spec-json-schemas/v6 v6.11.1
	github.com/bufbuild/protocompile v0.14.1
	github.com/go-json-experiment/json v0.0.0-20260623181947-01eb4420fa68
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/theory/jsonpath v0.12.3
	github.com/yuin/goldmark v1.8.7
	go.lsp.dev/jsonrpc2 v1.0.1
	go.lsp.dev/protocol v1.0.1
	go.lsp.dev/uri v1.0.1
	go.uber.org/zap v1.28.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.36.0
)

require (
	go.uber.org/multierr v1.11.0 // indirect
	google.golang.org/protobuf v1.36.10 // indirect
)
