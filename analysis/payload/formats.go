package payload

import "strings"

// Format is a schema language a payload may be written in.
type Format int

const (
	JSONSchema Format = iota // the AsyncAPI Schema Object or JSON Schema draft-07
	Avro
	OpenAPI
	RAML
	Protobuf
	Unknown
)

var formatNames = [...]string{JSONSchema: "JSON Schema", Avro: "Avro", OpenAPI: "OpenAPI", RAML: "RAML", Protobuf: "Protobuf", Unknown: "unknown"}

func (f Format) String() string { return formatNames[f] }

// parserSpellings are the schemaFormat values each schema parser registers
// with the official parser, which looks them up exactly: another spelling
// of a known format is an unknown format to it.
var parserSpellings = map[string]Format{
	"application/vnd.apache.avro;version=1.9.0":      Avro,
	"application/vnd.apache.avro+json;version=1.9.0": Avro,
	"application/vnd.apache.avro+yaml;version=1.9.0": Avro,
	"application/vnd.apache.avro;version=1.8.2":      Avro,
	"application/vnd.apache.avro+json;version=1.8.2": Avro,
	"application/vnd.apache.avro+yaml;version=1.8.2": Avro,
	"application/vnd.oai.openapi;version=3.0.0":      OpenAPI,
	"application/vnd.oai.openapi+json;version=3.0.0": OpenAPI,
	"application/vnd.oai.openapi+yaml;version=3.0.0": OpenAPI,
	"application/raml+yaml;version=1.0":              RAML,
	"application/vnd.google.protobuf;version=2":      Protobuf,
	"application/vnd.google.protobuf;version=3":      Protobuf,
	"application/schema;version=draft-07":            JSONSchema,
	"application/schema+json;version=draft-07":       JSONSchema,
	"application/schema+yaml;version=draft-07":       JSONSchema,
}

var families = []struct {
	prefix string
	format Format
}{
	{"application/vnd.aai.asyncapi", JSONSchema},
	{"application/schema", JSONSchema},
	{"application/vnd.apache.avro", Avro},
	{"application/vnd.google.protobuf", Protobuf},
	{"application/raml+yaml", RAML},
	{"application/vnd.oai.openapi", OpenAPI},
}

// Classify names the format of a schemaFormat value ("" is the default,
// the AsyncAPI schema) and says whether the official parser knows that
// exact spelling; a value of a known family that the parser does not
// register (another version, spaces, capitals) has its family's format and
// registered false.
func Classify(schemaFormat string) (f Format, registered bool) {
	if schemaFormat == "" {
		return JSONSchema, true
	}
	if f, ok := parserSpellings[schemaFormat]; ok {
		return f, true
	}
	if strings.HasPrefix(schemaFormat, "application/vnd.aai.asyncapi") && asyncAPISpelling(schemaFormat) {
		return JSONSchema, true
	}
	norm := strings.ToLower(strings.ReplaceAll(schemaFormat, " ", ""))
	for _, fam := range families {
		if strings.HasPrefix(norm, fam.prefix) {
			return fam.format, false
		}
	}
	return Unknown, false
}

// asyncAPISpelling: the AsyncAPI schema parser registers
// application/vnd.aai.asyncapi[+json|+yaml];version=V for every version.
func asyncAPISpelling(s string) bool {
	rest := strings.TrimPrefix(s, "application/vnd.aai.asyncapi")
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "+json"), "+yaml")
	v, ok := strings.CutPrefix(rest, ";version=")
	if !ok {
		return false
	}
	switch v {
	case "2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "3.0.0", "3.1.0":
		return true
	}
	return false
}

// Spellings lists the schemaFormat values the official parser knows for f,
// in a stable order (completion offers them).
func Spellings(f Format) []string {
	var out []string
	for s, g := range parserSpellings {
		if g == f {
			out = append(out, s)
		}
	}
	sortStrings(out)
	return out
}
