package payload

import (
	"testing"

	"asyncapi-ls/analysis/syntax"
)

// ramlCases are payloads (JSON, which is YAML) whose verdicts come from the
// official parser with its RAML schema parser (4.0.24): in a 2.6.0 document,
// where it validates the payload, and in a 3.0.0 one, where it only
// converts it.
var ramlCases = []struct {
	name, payload    string
	invalid2, always bool
}{
	{"ok", "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}, \"age?\": \"integer\"}}", false, false},
	{"shorttype", "\"string\"", true, true},
	{"unknowntype", "{\"type\": \"strin\"}", true, false},
	{"unknownfacet", "{\"type\": \"string\", \"minimum\": 3}", true, false},
	{"badfacetval", "{\"type\": \"string\", \"minLength\": \"x\"}", true, false},
	{"example_bad", "{\"type\": \"integer\", \"example\": \"abc\"}", true, false},
	{"example_ok", "{\"type\": \"integer\", \"example\": 3}", false, false},
	{"enum_bad", "{\"type\": \"integer\", \"enum\": [\"a\"]}", true, false},
	{"default_bad", "{\"type\": \"boolean\", \"default\": \"yes\"}", true, false},
	{"union", "{\"type\": \"string | nil\"}", false, false},
	{"array_short", "\"string[]\"", true, true},
	{"array", "{\"type\": \"array\", \"items\": \"integer\", \"minItems\": 1}", false, false},
	{"unknownkey", "{\"type\": \"object\", \"propertiez\": {}}", true, false},
	{"datetime", "{\"type\": \"datetime\", \"format\": \"rfc3339\"}", false, false},
	{"datetime_badformat", "{\"type\": \"datetime\", \"format\": \"iso\"}", true, false},
	{"number_format", "{\"type\": \"number\", \"format\": \"int8\"}", false, false},
	{"number_badformat", "{\"type\": \"number\", \"format\": \"int9\"}", false, false},
	{"pattern", "{\"type\": \"string\", \"pattern\": \"^[a-z]+$\", \"example\": \"ABC\"}", true, false},
	{"minmax", "{\"type\": \"integer\", \"minimum\": 5, \"maximum\": 1}", true, false},
	{"required", "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"required\": false}}}", false, false},
	{"discriminator", "{\"type\": \"object\", \"discriminator\": \"kind\", \"properties\": {\"kind\": \"string\"}}", false, false},
	{"file", "{\"type\": \"file\", \"fileTypes\": [\"image/png\"]}", false, false},
	{"any", "{\"type\": \"any\"}", false, false},
	{"nil", "{\"type\": \"nil\"}", false, false},
	{"noType", "{\"properties\": {\"a\": \"string\"}}", false, false},
	{"userfacet", "{\"type\": \"string\", \"facets\": {\"foo\": \"string\"}, \"foo\": 1}", true, false},
	{"additional", "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"a\": \"string\"}, \"example\": {\"a\": \"x\", \"b\": 1}}", true, false},
	{"displayName", "{\"type\": \"string\", \"displayName\": \"Name\", \"description\": \"d\"}", false, false},
	{"examples", "{\"type\": \"string\", \"examples\": {\"a\": \"x\", \"b\": 2}}", true, false},
	{"maxLength_neg", "{\"type\": \"string\", \"maxLength\": -1}", true, true},
	{"typeexpr_bad", "{\"type\": \"string |\"}", false, false},
	{"xml", "{\"type\": \"string\", \"xml\": {\"attribute\": true}}", false, false},
	{"uniqueItems", "{\"type\": \"array\", \"items\": \"string\", \"uniqueItems\": \"yes\"}", true, false},
	{"req_missing_example", "{\"type\": \"object\", \"properties\": {\"a\": \"string\", \"b?\": \"string\"}, \"example\": {\"b\": \"x\"}}", true, false},
	{"req_false_example", "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"required\": false}}, \"example\": {}}", false, false},
	{"nested_bad", "{\"type\": \"object\", \"properties\": {\"inner\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"maximum\": 3}}}}, \"example\": {\"inner\": {\"n\": 5}}}", true, false},
	{"enum_ok", "{\"type\": \"string\", \"enum\": [\"a\", \"b\"], \"example\": \"c\"}", true, false},
	{"minLength_example", "{\"type\": \"string\", \"minLength\": 3, \"example\": \"ab\"}", true, false},
	{"array_example", "{\"type\": \"array\", \"items\": \"integer\", \"example\": [1, \"x\"]}", true, false},
	{"minProps_bad", "{\"type\": \"object\", \"minProperties\": \"a\"}", true, false},
	{"required_in_type", "{\"type\": \"string\", \"required\": true}", true, false},
	{"datetime_example", "{\"type\": \"datetime\", \"example\": \"not a date\"}", true, false},
	{"date_only_example", "{\"type\": \"date-only\", \"example\": \"2020-01-01\"}", false, false},
	{"int_format_range", "{\"type\": \"integer\", \"format\": \"int8\", \"example\": 300}", true, false},
	{"multipleOf", "{\"type\": \"number\", \"multipleOf\": 2, \"example\": 3}", true, false},
	{"union_example", "{\"type\": \"string | integer\", \"example\": true}", true, false},
	{"array_type_expr", "{\"type\": \"string[]\", \"example\": [\"a\", 1]}", true, false},
	{"minItems_gt", "{\"type\": \"array\", \"items\": \"string\", \"minItems\": 3, \"maxItems\": 1}", true, false},
	{"minLength_gt", "{\"type\": \"string\", \"minLength\": 5, \"maxLength\": 2}", true, false},
	{"ann", "{\"type\": \"string\", \"(myAnn)\": 1}", true, false},
	{"props_of_string", "{\"type\": \"string\", \"properties\": {\"a\": \"string\"}}", true, false},
	{"items_obj", "{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"id\": \"integer\"}}, \"example\": [{\"id\": \"x\"}]}", true, false},
	{"nil_union_example", "{\"type\": \"string | nil\", \"example\": null}", false, false},
	{"number_str", "{\"type\": \"number\", \"example\": \"1\"}", true, false},
	{"boolean_facet", "{\"type\": \"boolean\", \"minLength\": 1}", true, false},
	{"examples_value", "{\"type\": \"integer\", \"examples\": {\"a\": {\"value\": \"x\"}}}", true, false},
	{"enum_notarray", "{\"type\": \"string\", \"enum\": \"a\"}", true, false},
	{"desc_number", "{\"type\": \"string\", \"description\": 5}", false, false},
	{"additional_string", "{\"type\": \"object\", \"additionalProperties\": \"no\"}", true, false},
	{"typeobject_nested", "{\"type\": {\"type\": \"string\", \"minLength\": 2}, \"example\": \"a\"}", true, false},
	{"p1", "{\"type\": \"string\", \"pattern\": \"^[A-Z]\", \"example\": \"Ann\"}", true, false},
	{"p2", "{\"type\": \"string\", \"pattern\": \"[a-z]+\", \"example\": \"abc1\"}", true, false},
	{"p3", "{\"type\": \"string\", \"pattern\": \"[a-z]+\", \"example\": \"1abc\"}", true, false},
	{"p4", "{\"type\": \"string\", \"pattern\": \"^[A-Z].*$\", \"example\": \"Ann\"}", false, false},
	{"p5", "{\"type\": \"string\", \"pattern\": \"b\", \"example\": \"abc\"}", true, false},
}

func TestRAMLVerdicts(t *testing.T) {
	for _, tc := range ramlCases {
		file := syntax.Parse([]byte(tc.payload), syntax.YAML)
		problems := CheckRAML(file.Root)
		always := false
		for _, p := range problems {
			always = always || p.Always
		}
		if (len(problems) > 0) != tc.invalid2 || always != tc.always {
			t.Errorf("%s: invalid in 2.x=%v, in 3.x=%v; got %+v", tc.name, tc.invalid2, tc.always, problems)
		}
	}
}
