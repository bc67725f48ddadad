package audit

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/payload"
	"asyncapi-ls/analysis/syntax"
)

// ProbeKind names what a probe asks and what it checks.
type ProbeKind string

const (
	// HoverKeyword hovers on a key that is an AsyncAPI, JSON Schema or binding
	// keyword; an empty answer counts against the server.
	HoverKeyword ProbeKind = "hover"
	// CompleteKey completes at the start of an existing keyword key.
	CompleteKey ProbeKind = "completion-key"
	// CompleteLocalRef blanks a "$ref" to a target of this document and
	// completes there: the target must be offered.
	CompleteLocalRef ProbeKind = "completion-ref-local"
	// CompleteFileRef leaves only the folder part of a "$ref" to another
	// file and completes there: the file must be offered.
	CompleteFileRef ProbeKind = "completion-ref-file"
	// Definition asks for the definition of a "$ref" that resolves.
	Definition ProbeKind = "definition"
	// References asks for the references of a named object's key.
	References ProbeKind = "references"
)

// Probe is one request at one place of a document. Edited probes replace
// [EditStart, EditEnd) with EditText first; Offset is then in the edited text.
type Probe struct {
	Kind     ProbeKind
	Offset   int
	Category string // hover: "spec", "schema" or "binding"
	Path     string // where, for the report of misses
	Want     string // completion: the label (or inserted text) that must be offered

	Edited             bool
	EditStart, EditEnd int
	EditText           string
}

// Limits caps the probes of each kind per document; zero means no cap.
type Limits map[ProbeKind]int

// Plan lists the probes of one document, sampled evenly under limits.
func Plan(file string, text []byte, limits Limits) []Probe {
	format := syntax.DetectFormat(file, text)
	root := syntax.Parse(text, format).Root
	if root == nil {
		return nil
	}
	p := &planner{file: file, text: text, format: format, root: root, v2: strings.HasPrefix(root.Get("asyncapi").String(), "2.")}
	p.walk(root, nil, modeSpec)
	var out []Probe
	for _, kind := range []ProbeKind{HoverKeyword, CompleteKey, Definition, References, CompleteLocalRef, CompleteFileRef} {
		out = append(out, sample(p.byKind[kind], limits[kind])...)
	}
	return out
}

// sample keeps at most max probes, spread over the list.
func sample(list []Probe, max int) []Probe {
	if max <= 0 || len(list) <= max {
		return list
	}
	out := make([]Probe, 0, max)
	for i := 0; i < max; i++ {
		out = append(out, list[i*len(list)/max])
	}
	return out
}

type mode uint8

const (
	modeSpec      mode = iota // an AsyncAPI object: its keys are fields
	modeNames                 // a map whose keys the author names
	modeSchema                // a JSON Schema
	modeProtocols             // a bindings object: its keys name protocols
	modeBinding               // inside one protocol's binding object
	modeData                  // example values, extensions: nothing to check
)

type planner struct {
	file   string
	text   []byte
	format syntax.Format
	root   *syntax.Node
	v2     bool
	byKind map[ProbeKind][]Probe
}

func (p *planner) add(pr Probe) {
	if p.byKind == nil {
		p.byKind = map[ProbeKind][]Probe{}
	}
	p.byKind[pr.Kind] = append(p.byKind[pr.Kind], pr)
}

// walk visits the node at path, whose keys are read in mode m.
func (p *planner) walk(n *syntax.Node, path []string, m mode) {
	if n == nil || n.Kind == syntax.Alias || m == modeData {
		return
	}
	if n.Kind == syntax.Sequence {
		for i, it := range n.Items {
			p.walk(it, append(path, strconv.Itoa(i)), m)
		}
		return
	}
	if n.Kind != syntax.Mapping {
		return
	}
	for _, pair := range n.Pairs {
		k := pair.Key.Value
		here := append(append([]string(nil), path...), k)
		if k == "$ref" {
			p.refProbes(pair.Value, here)
			continue
		}
		if strings.HasPrefix(k, "x-") {
			continue
		}
		if m == modeNames {
			if definable(here) {
				p.add(Probe{Kind: References, Offset: pair.Key.Start + 1, Path: join(here)})
			}
			p.walk(pair.Value, here, namedMode(here))
			continue
		}
		category := map[mode]string{modeSpec: "spec", modeSchema: "schema", modeBinding: "binding", modeProtocols: "binding"}[m]
		if m == modeSchema && !schemaKeywords[k] {
			continue // a schema's own annotation (javaType, …): not a keyword
		}
		p.add(Probe{Kind: HoverKeyword, Offset: pair.Key.Start + 1, Category: category, Path: join(here)})
		if m == modeSpec {
			p.add(Probe{Kind: CompleteKey, Offset: pair.Key.Start, Path: join(here)})
		}
		p.walk(pair.Value, here, p.childMode(m, path, k, pair.Value))
	}
}

// childMode is how the keys of the value of key k (inside path, read in
// mode m) are read.
func (p *planner) childMode(m mode, path []string, k string, v *syntax.Node) mode {
	switch m {
	case modeProtocols:
		return modeBinding
	case modeSchema:
		switch k {
		case "properties", "patternProperties", "definitions", "$defs", "dependencies":
			return modeNames
		case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "allOf", "anyOf", "oneOf":
			return modeSchema
		case "externalDocs", "discriminator", "xml":
			return modeSpec
		}
		return modeData
	case modeBinding:
		if r := v.Resolve(); r != nil && r.Kind == syntax.Mapping && (r.Get("type") != nil || r.Get("properties") != nil) {
			return modeSchema
		}
		if k == "bindingVersion" {
			return modeData
		}
		return modeBinding
	}
	parent := ""
	if len(path) > 0 {
		parent = path[len(path)-1]
	}
	switch {
	case len(path) == 1 && path[0] == "components":
		return modeNames
	case len(path) == 0 && (k == "channels" || k == "servers" || k == "operations"):
		return modeNames
	case k == "parameters" || k == "variables" || k == "messages" && !isOperation(path):
		return modeNames
	case k == "security" && p.v2:
		return modeNames
	case k == "scopes" || k == "availableScopes" || k == "examples" || k == "example" || k == "default" || k == "enum" || k == "const":
		return modeData
	case k == "bindings":
		return modeProtocols
	case k == "payload" || k == "headers" || k == "schema":
		if r := v.Resolve(); r != nil && r.Get("schemaFormat") != nil && r.Get("schema") != nil {
			if !jsonSchemaFormat(r.Get("schemaFormat").String()) {
				return modeData
			}
			return modeSpec // a multi-format schema: schemaFormat and schema
		}
		if k != "schema" || parent == "payload" || parent == "headers" || parent == "parameters" || isParameter(path) {
			if !jsonSchemaFormat(p.schemaFormatBeside(path)) {
				return modeData
			}
			return modeSchema
		}
		return modeSchema
	}
	return modeSpec
}

// namedMode is how the keys of a named entry at path are read.
func namedMode(path []string) mode {
	n := len(path)
	parent := ""
	if n >= 2 {
		parent = path[n-2]
	}
	switch {
	case n >= 2 && (parent == "properties" || parent == "patternProperties" || parent == "definitions" || parent == "$defs" || parent == "dependencies"):
		return modeSchema
	case n == 3 && path[0] == "components" && path[1] == "schemas":
		return modeSchema
	case n == 3 && path[0] == "components" && strings.HasSuffix(path[1], "Bindings"):
		return modeProtocols
	}
	return modeSpec
}

// schemaFormatBeside is the schemaFormat written next to a payload.
func (p *planner) schemaFormatBeside(path []string) string {
	return p.root.Find(path...).Get("schemaFormat").String()
}

func jsonSchemaFormat(schemaFormat string) bool {
	f, _ := payload.Classify(schemaFormat)
	return f == payload.JSONSchema || f == payload.OpenAPI
}

func isOperation(path []string) bool {
	n := len(path)
	return n >= 2 && (path[n-2] == "operations" || path[n-1] == "reply" || n >= 3 && path[n-3] == "operations")
}

func isParameter(path []string) bool {
	n := len(path)
	return n >= 2 && path[n-2] == "parameters"
}

// definable: the key of a component, channel, operation or server.
func definable(path []string) bool {
	switch len(path) {
	case 2:
		return path[0] == "channels" || path[0] == "operations" || path[0] == "servers"
	case 3:
		return path[0] == "components" && path[1] != "securitySchemes"
	}
	return false
}

// refProbes plans the probes of one "$ref" value.
func (p *planner) refProbes(v *syntax.Node, path []string) {
	if v == nil || v.Kind != syntax.Scalar || v.Value == "" {
		return
	}
	ref := v.Value
	file, pointer, _ := strings.Cut(ref, "#")
	if strings.Contains(file, "://") {
		return
	}
	if file == "" {
		if !resolves(p.root, pointer) {
			return
		}
		p.add(Probe{Kind: Definition, Offset: (v.Start + v.End) / 2, Path: join(path)})
		p.add(p.edited(CompleteLocalRef, v, "", ref, path))
		return
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(p.file), filepath.FromSlash(file))); err != nil {
		return
	}
	p.add(Probe{Kind: Definition, Offset: (v.Start + v.End) / 2, Path: join(path)})
	folder := ""
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		folder = file[:i+1]
	}
	p.add(p.edited(CompleteFileRef, v, folder, file, path))
}

// edited is a completion probe that first rewrites the value v to typed,
// in the quoting of the document, with the cursor after typed.
func (p *planner) edited(kind ProbeKind, v *syntax.Node, typed, want string, path []string) Probe {
	text := typed
	cursor := v.Start + len(typed)
	if p.format == syntax.JSON || v.Quoted || typed == "" {
		q := "'"
		if p.format == syntax.JSON || v.Quoted && p.text[v.Start] == '"' {
			q = `"`
		}
		text = q + typed + q
		cursor++
	}
	return Probe{Kind: kind, Edited: true, EditStart: v.Start, EditEnd: v.End, EditText: text, Offset: cursor, Want: want, Path: join(path)}
}

// resolves reports whether a local JSON pointer names something in root.
func resolves(root *syntax.Node, pointer string) bool {
	if pointer == "" || pointer == "/" {
		return false
	}
	var toks []string
	for _, t := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		toks = append(toks, strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~"))
	}
	return root.Find(toks...) != nil
}

// schemaKeywords are the keys of a JSON Schema (draft-07 and the AsyncAPI
// and OpenAPI additions) that hover should explain.
var schemaKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`$schema $id $comment title description type enum const default examples
		multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern items
		additionalItems maxItems minItems uniqueItems contains maxProperties minProperties required properties
		patternProperties additionalProperties dependencies propertyNames if then else allOf anyOf oneOf not
		format contentEncoding contentMediaType definitions readOnly writeOnly discriminator externalDocs
		deprecated example nullable xml`) {
		schemaKeywords[k] = true
	}
}

func join(path []string) string { return "/" + strings.Join(path, "/") }
