package schemas

import (
	"slices"
	"strings"
	"sync"

	"asyncapi-ls/jsonpointer"
)

// defInfo describes one definition of a bundle, e.g. http://asyncapi.com/definitions/3.0.0/channel.json.
type defInfo struct {
	id      string
	name    string   // "channel", "Reference", ... or "" for bindings, extensions and unknown ids
	noun    string   // how messages name an object of this definition: "a channel", "info"
	anchors []string // candidate specification sections, the first that the version has wins
	binding string   // bindings: the protocol, e.g. "kafka"
	isDraft bool     // the JSON Schema draft-07 meta-schema
	quiet   bool     // its description is about the schema's plumbing, not worth showing
}

// defTable maps definition names of the bundles to the specification section of the object and the
// noun messages use for it. Anchors are checked against the version's specification text.
var defTable = map[string]struct {
	noun    string
	anchors []string
}{
	"asyncapi":                    {"the AsyncAPI document", []string{"A2SObject"}},
	"info":                        {"info", []string{"infoObject"}},
	"contact":                     {"contact", []string{"contactObject"}},
	"license":                     {"license", []string{"licenseObject"}},
	"infoExtensions":              {"info extensions", []string{"infoExtensions"}},
	"servers":                     {"servers", []string{"serversObject"}},
	"server":                      {"a server", []string{"serverObject"}},
	"serverVariables":             {"server variables", []string{"serverObjectVariables", "serverObject"}},
	"serverVariable":              {"a server variable", []string{"serverVariableObject"}},
	"channels":                    {"channels", []string{"channelsObject"}},
	"channel":                     {"a channel", []string{"channelObject"}},
	"channelItem":                 {"a channel", []string{"channelItemObject"}},
	"channelMessages":             {"channel messages", []string{"messagesObject", "channelObjectMessages"}},
	"messages":                    {"messages", []string{"messagesObject", "componentsMessages"}},
	"operations":                  {"operations", []string{"operationsObject"}},
	"operation":                   {"an operation", []string{"operationObject"}},
	"operationTrait":              {"an operation trait", []string{"operationTraitObject"}},
	"operationReply":              {"an operation reply", []string{"operationReplyObject"}},
	"operationReplyAddress":       {"an operation reply address", []string{"operationReplyAddressObject"}},
	"message":                     {"a message", []string{"messageObject"}},
	"messageObject":               {"a message", []string{"messageObject"}},
	"messageTrait":                {"a message trait", []string{"messageTraitObject"}},
	"messageExampleObject":        {"a message example", []string{"messageExampleObject", "messageObjectExamples"}},
	"correlationId":               {"a correlation ID", []string{"correlationIdObject"}},
	"parameters":                  {"parameters", []string{"parametersObject"}},
	"parameter":                   {"a parameter", []string{"parameterObject"}},
	"components":                  {"components", []string{"componentsObject"}},
	"schemas":                     {"schemas", []string{"componentsSchemas"}},
	"schema":                      {"a schema", []string{"schemaObject"}},
	"anySchema":                   {"a schema", []string{"multiFormatSchemaObject", "schemaObject"}},
	"multiFormatSchema":           {"a multi-format schema", []string{"multiFormatSchemaObject"}},
	"openapiSchema_3_0":           {"an OpenAPI 3.0 schema", []string{"multiFormatSchemaObject", "messageObjectSchemaFormatTable"}},
	"avroSchema_v1":               {"an Avro schema", []string{"multiFormatSchemaObject", "messageObjectSchemaFormatTable"}},
	"tag":                         {"a tag", []string{"tagObject"}},
	"externalDocs":                {"external documentation", []string{"externalDocumentationObject"}},
	"Reference":                   {"a reference", []string{"referenceObject"}},
	"ReferenceObject":             {"a reference", []string{"referenceObject"}},
	"SecurityRequirement":         {"a security requirement", []string{"securityRequirementObject"}},
	"securityRequirements":        {"security requirements", []string{"securityRequirementObject", "serverObjectSecurity"}},
	"SecurityScheme":              {"a security scheme", []string{"securitySchemeObject"}},
	"userPassword":                {"a security scheme", []string{"securitySchemeObject"}},
	"apiKey":                      {"a security scheme", []string{"securitySchemeObject"}},
	"X509":                        {"a security scheme", []string{"securitySchemeObject"}},
	"symmetricEncryption":         {"a security scheme", []string{"securitySchemeObject"}},
	"asymmetricEncryption":        {"a security scheme", []string{"securitySchemeObject"}},
	"HTTPSecurityScheme":          {"a security scheme", []string{"securitySchemeObject"}},
	"NonBearerHTTPSecurityScheme": {"a security scheme", []string{"securitySchemeObject"}},
	"BearerHTTPSecurityScheme":    {"a security scheme", []string{"securitySchemeObject"}},
	"APIKeyHTTPSecurityScheme":    {"a security scheme", []string{"securitySchemeObject"}},
	"openIdConnect":               {"a security scheme", []string{"securitySchemeObject"}},
	"SaslSecurityScheme":          {"a security scheme", []string{"securitySchemeObject"}},
	"SaslPlainSecurityScheme":     {"a security scheme", []string{"securitySchemeObject"}},
	"SaslScramSecurityScheme":     {"a security scheme", []string{"securitySchemeObject"}},
	"SaslGssapiSecurityScheme":    {"a security scheme", []string{"securitySchemeObject"}},
	"oauth2Flows":                 {"OAuth flows", []string{"oauthFlowsObject"}},
	"oauth2Flow":                  {"an OAuth flow", []string{"oauthFlowObject"}},
	"oauth2Scopes":                {"OAuth scopes", []string{"oauthFlowScopes", "oauthFlowObject"}},
	"serverBindingsObject":        {"server bindings", []string{"serverBindingsObject"}},
	"channelBindingsObject":       {"channel bindings", []string{"channelBindingsObject"}},
	"operationBindingsObject":     {"operation bindings", []string{"operationBindingsObject"}},
	"messageBindingsObject":       {"message bindings", []string{"messageBindingsObject"}},
	"bindingsObject":              {"bindings", nil},
	"specificationExtension":      {"a specification extension", []string{"specificationExtensions"}},
}

// defOf finds the definition a schema location belongs to, the innermost definitions/<id> of its
// JSON pointer whose id is a URL, and the pointer inside it. loc is the pointer inside the bundle, or
// the full location when the schema lives outside (the compiler's own draft-07 meta-schema).
func (b *builder) defOf(fullLoc, loc string) (*defInfo, string) {
	if fullLoc == loc { // outside the bundle
		const draft = "http://json-schema.org/draft-07/schema"
		if rest, ok := strings.CutPrefix(fullLoc, draft+"#"); ok {
			return b.def(draft), rest
		}
		if id, rest, ok := strings.Cut(fullLoc, "#"); ok && strings.HasPrefix(id, bindingIDPrefix) {
			return b.def(id), rest // a carried binding definition
		}
		return nil, ""
	}
	if loc == "" {
		return b.def("asyncapi"), ""
	}
	toks := strings.Split(loc[1:], "/")
	for i := len(toks) - 2; i >= 0; i-- {
		if toks[i] != "definitions" {
			continue
		}
		id := jsonpointer.Unescape(toks[i+1])
		if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
			rel := ""
			if i+2 < len(toks) {
				rel = "/" + strings.Join(toks[i+2:], "/")
			}
			return b.def(id), rel
		}
	}
	return b.def("asyncapi"), loc
}

func (b *builder) def(id string) *defInfo {
	if b.defs == nil {
		b.defs = map[string]*defInfo{}
	}
	if d, ok := b.defs[id]; ok {
		return d
	}
	d := &defInfo{id: id}
	b.defs[id] = d
	switch {
	case id == "asyncapi":
		d.name = "asyncapi"
	case strings.HasPrefix(id, "http://json-schema.org/draft-07/schema"):
		d.isDraft = true
		d.noun, d.anchors = "a schema", []string{"schemaObject"}
		return d
	case strings.HasPrefix(id, "http://asyncapi.com/definitions/"):
		d.name = strings.TrimSuffix(id[strings.LastIndexByte(id, '/')+1:], ".json")
	case strings.HasPrefix(id, "http://asyncapi.com/bindings/"):
		// http://asyncapi.com/bindings/<protocol>/<version>/<object>.json
		parts := strings.Split(strings.TrimPrefix(id, "http://asyncapi.com/bindings/"), "/")
		if len(parts) == 3 {
			obj := strings.TrimSuffix(parts[2], ".json")
			d.binding = parts[0]
			d.noun = "the " + parts[0] + " " + obj + " binding"
			d.anchors = []string{obj + "BindingsObject" + parts[0], obj + "BindingsObject"}
		}
		return d
	case strings.HasPrefix(id, "http://asyncapi.com/extensions/"):
		parts := strings.Split(strings.TrimPrefix(id, "http://asyncapi.com/extensions/"), "/")
		d.noun = "the " + parts[0] + " extension"
		d.anchors = []string{"infoExtensions"}
		return d
	}
	if e, ok := defTable[d.name]; ok {
		d.noun, d.anchors = e.noun, e.anchors
	}
	// "An object representing either a schema or a multiFormatSchema based on the existence of the
	// 'schema' property...": the Schema Object chosen behind it describes a payload better.
	d.quiet = d.name == "anySchema"
	return d
}

var (
	anchorsOnce sync.Once
	anchorSets  map[string]map[string]string // version -> lower-case anchor -> anchor
)

// anchorIn returns the spelling of anchor (matched case-insensitively) in the specification text of
// version, or "".
func anchorIn(version, anchor string) string {
	anchorsOnce.Do(func() {
		anchorSets = map[string]map[string]string{}
		for _, v := range versions {
			anchorSets[v] = map[string]string{}
		}
		for _, r := range anchorRanges {
			from, to := slices.Index(versions[:], r.from), slices.Index(versions[:], r.to)
			for _, v := range versions[from : to+1] {
				for _, a := range strings.Fields(r.names) {
					anchorSets[v][strings.ToLower(a)] = a
				}
			}
		}
	})
	return anchorSets[version][strings.ToLower(anchor)]
}

func specURL(version, anchor string) string {
	return "https://www.asyncapi.com/docs/reference/specification/v" + version + "#" + anchor
}

// objectAnchor is the specification section of a definition in version ("" if none).
func (d *defInfo) objectAnchor(version string) string {
	if d == nil {
		return ""
	}
	for _, a := range d.anchors {
		if s := anchorIn(version, a); s != "" {
			return s
		}
	}
	return ""
}

// docURL links the specification section of a definition ("" when unknown).
func (d *defInfo) docURL(version string) string {
	if a := d.objectAnchor(version); a != "" {
		return specURL(version, a)
	}
	return ""
}

// fieldDocURL links the section of one field of a definition's object when the specification has one
// (e.g. channelObjectAddress), else the object's section.
func (d *defInfo) fieldDocURL(version, field string) string {
	obj := d.objectAnchor(version)
	if obj == "" {
		return ""
	}
	if field != "" && !strings.HasPrefix(field, "$") {
		for _, stem := range []string{obj, strings.TrimSuffix(obj, "Object")} {
			if a := anchorIn(version, stem+field); a != "" {
				return specURL(version, a)
			}
		}
	}
	return specURL(version, obj)
}
