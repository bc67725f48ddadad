package ruleset

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/jsonpointer"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The schema function validates values with the JSON Schema library the
// project already uses (santhosh-tekuri/jsonschema): draft 4, 6, 7,
// 2019-09 and 2020-12, chosen by the dialect option or the schema's
// $schema, draft 7 otherwise.

var dialects = map[string]*jsonschema.Draft{
	"draft4": jsonschema.Draft4, "draft6": jsonschema.Draft6, "draft7": jsonschema.Draft7,
	"draft2019-09": jsonschema.Draft2019, "draft2020-12": jsonschema.Draft2020,
}

type schemaOptions struct {
	schema    *jsonschema.Schema
	allErrors bool
}

var schemaCount atomic.Int64

func registerSchema() {
	register(&Function{Name: "schema", Doc: "The value is valid against a JSON Schema (draft 4, 6, 7, 2019-09 or 2020-12).",
		Options: []Option{
			{Name: "schema", Type: "object", Doc: "the JSON Schema the value must be valid against", Required: true},
			{Name: "dialect", Type: "string", Doc: "the draft: auto (from $schema, else draft 7), draft4, draft6, draft7, draft2019-09 or draft2020-12",
				Enum: []string{"auto", "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"}},
			{Name: "allErrors", Type: "boolean", Doc: "report every error, not only the first"},
		},
		prep: func(m map[string]any) (any, error) {
			c := jsonschema.NewCompiler()
			c.DefaultDraft(jsonschema.Draft7)
			if d, ok := m["dialect"].(string); ok && d != "auto" {
				c.DefaultDraft(dialects[d])
			}
			doc, err := jsonschema.UnmarshalJSON(strings.NewReader(jsonText(m["schema"])))
			if err != nil {
				return nil, optErr([]string{"schema"}, "The schema cannot be read: %v", err)
			}
			url := fmt.Sprintf("asyncapi-ls:///ruleset-schema-%d.json", schemaCount.Add(1))
			if err := c.AddResource(url, doc); err != nil {
				return nil, optErr([]string{"schema"}, "The schema cannot be used: %v", err)
			}
			s, err := c.Compile(url)
			if err != nil {
				return nil, optErr([]string{"schema"}, "The schema is not valid: %v", err)
			}
			all, _ := m["allErrors"].(bool)
			return schemaOptions{schema: s, allErrors: all}, nil
		},
		run: func(c *call) []finding {
			if !c.in.defined() {
				return []finding{{message: c.nameOf() + "should exist"}}
			}
			var value any
			if c.in.isKey {
				value = c.in.at.path.last()
			} else {
				value = c.v.value(c.in.at)
			}
			value = numbersForSchema(value)
			o := c.opts.(schemaOptions)
			err := o.schema.Validate(value)
			ve, ok := err.(*jsonschema.ValidationError)
			if !ok {
				return nil
			}
			var out []finding
			for _, u := range leafErrors(ve.BasicOutput()) {
				sub, _ := jsonpointer.Split(u.InstanceLocation)
				msg := u.Error.String()
				if len(sub) > 0 {
					msg = `"` + sub[len(sub)-1] + `": ` + msg
				}
				out = append(out, finding{message: msg, sub: append([]string{}, sub...)})
			}
			// The library visits an object's members in no fixed order;
			// Spectral's first error is the first in the document.
			c.sortByDocument(out)
			if !o.allErrors && len(out) > 1 {
				out = out[:1]
			}
			return out
		}})
}

// sortByDocument orders findings as the values they are about are written
// below the input (a value before those inside it), keeping the order of
// findings about one value.
func (c *call) sortByDocument(fs []finding) {
	if len(fs) < 2 {
		return
	}
	type ordered struct {
		f     finding
		order []int
	}
	all := make([]ordered, len(fs))
	for i, f := range fs {
		all[i] = ordered{f, c.documentOrder(f.sub)}
	}
	slices.SortStableFunc(all, func(a, b ordered) int { return slices.Compare(a.order, b.order) })
	for i := range all {
		fs[i] = all[i].f
	}
}

// documentOrder is the way to the value at sub below the input as the
// positions of its keys and items among their siblings.
func (c *call) documentOrder(sub []string) []int {
	out := make([]int, 0, len(sub))
	p := c.in.at
	for _, t := range sub {
		at := math.MaxInt
		if n := p.node; n != nil {
			switch n.Kind {
			case syntax.Mapping:
				for i, pair := range n.Pairs {
					if pair.Key.Value == t {
						at = i
					}
				}
			case syntax.Sequence:
				if i, err := strconv.Atoi(t); err == nil {
					at = i
				}
			}
		}
		out = append(out, at)
		next, ok := c.v.field(p, t)
		if !ok {
			for len(out) < len(sub) {
				out = append(out, math.MaxInt)
			}
			break
		}
		p = next
	}
	return out
}

// leafErrors are the errors of a basic output that explain themselves
// (not the summaries of the schemas holding them).
func leafErrors(u *jsonschema.OutputUnit) []jsonschema.OutputUnit {
	var out []jsonschema.OutputUnit
	for _, e := range u.Errors {
		if e.Error == nil || strings.HasPrefix(e.Error.String(), "validation failed") {
			continue
		}
		out = append(out, e)
	}
	if len(out) == 0 && u.Error != nil {
		out = append(out, *u)
	}
	return out
}

// numbersForSchema keeps json.Number values: the library reads them.
func numbersForSchema(v any) any {
	if n, ok := v.(json.Number); ok {
		return n
	}
	return v
}
