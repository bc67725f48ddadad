package ruleset

import "strings"

// spectralAsyncAPI lists the rules of Spectral's "spectral:asyncapi"
// ruleset (spectral-rulesets 1.23) and whether it recommends each. The
// built-in rules carry these names as codes or aliases; the four names that
// Spectral gives its schema validation (asyncapi-payload, asyncapi-schema,
// asyncapi-3-document-resolved and -unresolved) stand for our structure
// check, which always runs: its errors are the official parser's verdicts.
var spectralAsyncAPI = map[string]bool{
	"asyncapi-channel-no-empty-parameter":         true,
	"asyncapi-3-channel-no-empty-parameter":       true,
	"asyncapi-channel-no-query-nor-fragment":      true,
	"asyncapi-3-channel-no-query-nor-fragment":    true,
	"asyncapi-channel-no-trailing-slash":          true,
	"asyncapi-3-channel-no-trailing-slash":        true,
	"asyncapi-channel-parameters":                 true,
	"asyncapi-channel-servers":                    true,
	"asyncapi-3-channel-servers":                  true,
	"asyncapi-headers-schema-type-object":         true,
	"asyncapi-3-headers-schema-type-object":       true,
	"asyncapi-info-contact-properties":            true,
	"asyncapi-info-contact":                       true,
	"asyncapi-info-description":                   true,
	"asyncapi-info-license-url":                   false,
	"asyncapi-info-license":                       true,
	"asyncapi-latest-version":                     true,
	"asyncapi-message-examples":                   true,
	"asyncapi-message-messageId-uniqueness":       true,
	"asyncapi-operation-description":              true,
	"asyncapi-3-operation-description":            true,
	"asyncapi-operation-operationId-uniqueness":   true,
	"asyncapi-operation-operationId":              true,
	"asyncapi-operation-security":                 true,
	"asyncapi-3-operation-security":               true,
	"asyncapi-parameter-description":              false,
	"asyncapi-payload-default":                    true,
	"asyncapi-payload-examples":                   true,
	"asyncapi-payload-unsupported-schemaFormat":   true,
	"asyncapi-3-payload-unsupported-schemaFormat": true,
	"asyncapi-payload":                            true,
	"asyncapi-schema-default":                     true,
	"asyncapi-schema-examples":                    true,
	"asyncapi-schema":                             true,
	"asyncapi-server-variables":                   true,
	"asyncapi-server-no-empty-variable":           true,
	"asyncapi-3-server-no-empty-variable":         true,
	"asyncapi-server-no-trailing-slash":           true,
	"asyncapi-3-server-no-trailing-slash":         true,
	"asyncapi-server-not-example-com":             false,
	"asyncapi-3-server-not-example-com":           false,
	"asyncapi-server-security":                    true,
	"asyncapi-servers":                            true,
	"asyncapi-tag-description":                    false,
	"asyncapi-3-tag-description":                  false,
	"asyncapi-tags-alphabetical":                  false,
	"asyncapi-3-tags-alphabetical":                false,
	"asyncapi-tags-uniqueness":                    true,
	"asyncapi-3-tags-uniqueness":                  true,
	"asyncapi-tags":                               true,
	"asyncapi-3-tags":                             true,
	"asyncapi-unused-components-schema":           true,
	"asyncapi-unused-components-server":           true,
	"asyncapi-3-document-resolved":                true,
	"asyncapi-3-document-unresolved":              true,
}

// spectralOtherRulesets lists the rules of Spectral's built-in rulesets for
// other formats (spectral-rulesets 1.23). None applies to an AsyncAPI
// document, but a ruleset that extends one of them may set their severities
// (published rulesets often serve OpenAPI and AsyncAPI alike): those names
// are accepted and do nothing.
var spectralOtherRulesets = map[string][]string{
	"spectral:oas": strings.Fields(`operation-success-response oas2-operation-formData-consume-check
		operation-operationId-unique operation-parameters operation-tag-defined path-params contact-properties
		duplicated-entry-in-enum info-contact info-description info-license license-url no-eval-in-markdown
		no-script-tags-in-markdown openapi-tags-alphabetical openapi-tags-uniqueness openapi-tags
		operation-description operation-operationId operation-operationId-valid-in-url operation-singular-tag
		operation-tags path-declarations-must-exist path-keys-no-trailing-slash path-not-include-query
		tag-description no-$ref-siblings array-items typed-enum oas2-api-host oas2-api-schemes
		oas2-discriminator oas2-host-not-example oas2-host-trailing-slash oas2-parameter-description
		oas2-operation-security-defined oas2-valid-schema-example oas2-valid-media-example oas2-anyOf oas2-oneOf
		oas2-schema oas2-unused-definition oas3-api-servers oas3-examples-value-or-externalValue
		oas3-operation-security-defined oas3-parameter-description oas3-server-not-example.com
		oas3-server-trailing-slash oas3-valid-media-example oas3-valid-schema-example oas3-schema
		oas3-unused-component oas3-server-variables oas3-callbacks-in-callbacks oas3_1-servers-in-webhook
		oas3_1-callbacks-in-webhook oas3_2-no-deprecated-xml-attribute`),
	"spectral:arazzo": strings.Fields(`arazzo-document-schema arazzo-workflowId-unique
		arazzo-workflow-output-validation arazzo-step-output-validation arazzo-step-parameters-validation
		arazzo-step-failure-actions-validation arazzo-step-success-actions-validation
		arazzo-workflow-depends-on-validation arazzo-step-success-criteria-validation
		arazzo-step-request-body-validation arazzo-step-validation arazzo-no-script-tags-in-markdown
		arazzo-info-description arazzo-info-summary arazzo-source-descriptions-type arazzo-workflow-workflowId
		arazzo-workflow-description arazzo-workflow-summary arazzo-step-description arazzo-step-stepId
		arazzo-step-operationPath arazzo-workflow-stepId-unique`),
}

// Formats Spectral knows. Only the AsyncAPI ones can match an AsyncAPI
// document; the others are accepted so that shared rulesets load.
var knownFormats = map[string]bool{
	"aas2": true, "aas2_0": true, "aas2_1": true, "aas2_2": true, "aas2_3": true, "aas2_4": true, "aas2_5": true,
	"aas2_6": true, "aas3": true, "aas3_0": true, "aas3_1": true,
	"oas2": true, "oas3": true, "oas3_0": true, "oas3_1": true, "arazzo1_0": true,
	"json-schema": true, "json-schema-loose": true, "json-schema-draft4": true, "json-schema-draft6": true,
	"json-schema-draft7": true, "json-schema-2019-09": true, "json-schema-2020-12": true,
}

// documentFormats are the formats an AsyncAPI version has: "aas2" and
// "aas2_6" for 2.6.0.
func documentFormats(version string) map[string]bool {
	out := map[string]bool{}
	var major, minor string
	for i, part := range splitVersion(version) {
		switch i {
		case 0:
			major = part
		case 1:
			minor = part
		}
	}
	if major == "2" || major == "3" {
		out["aas"+major] = true
		out["aas"+major+"_"+minor] = true
	}
	return out
}

func splitVersion(v string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(v); i++ {
		if i == len(v) || v[i] == '.' {
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return out
}
