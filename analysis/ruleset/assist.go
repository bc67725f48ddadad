package ruleset

import (
	"sort"
	"strconv"
	"strings"

	"asyncapi-ls/analysis/syntax"
)

// Help inside ruleset files: completion of keys, function names, options
// and values, and hover on keys, functions and options. Both read the same
// declarations the loader checks against (the keys below, Functions and
// their Options), so what is proposed is what loads.

// Suggestion is one completion proposal: [Start, End) is replaced by Insert.
type Suggestion struct {
	Label  string
	Detail string
	Doc    string // Markdown
	Insert string
	Start  int
	End    int
	IsKey  bool
}

// key docs, in our words.
var topKeyDocs = map[string]string{
	"extends":          "Rulesets this one builds on: `spectral:asyncapi` (maybe as `[spectral:asyncapi, off|recommended|all]`), files relative to this one, or URLs (read only when remote references are on).",
	"rules":            "The rules: a definition (given, then, …) for a rule of this ruleset, or a severity (error, warn, info, hint, off) or true/false for a rule it extends or a built-in one.",
	"overrides":        "Changes for some documents: `files` (globs relative to this ruleset, maybe with `#/pointer`) and the `rules` or `extends` that apply to them.",
	"formats":          "The document formats the rules of this file apply to: aas2, aas2_0 … aas2_6, aas3, aas3_0, aas3_1.",
	"aliases":          "Names for JSONPath expressions, used in given as `#Name` (maybe followed by more path); per-format `targets` are allowed.",
	"functions":        "Names of JavaScript functions (in functionsDir); asyncapi-ls does not run JavaScript and skips the rules that call them.",
	"functionsDir":     "The folder of the JavaScript functions, relative to this ruleset (default: functions).",
	"documentationUrl": "A page documenting the rules; each rule without its own documentationUrl links to this page, anchored at its name.",
	"parserOptions":    "Spectral's parser settings (duplicate keys, incompatible values); asyncapi-ls reports those itself.",
	"description":      "What the ruleset is for.",
}

var ruleKeyDocs = map[string]string{
	"given":            "The JSONPath expression(s) selecting the values to check, in Spectral's dialect (`$..`, `*`, `[?(@.x === 'y')]`, `@property`, a final `~` for keys, `#Alias`).",
	"then":             "The check: a `function` applied to each selected value, or to its `field`, with `functionOptions`; a list for several.",
	"description":      "What the rule wants; the message when the rule has none.",
	"message":          "The message, with `{{error}}`, `{{description}}`, `{{path}}`, `{{property}}` and `{{value}}` filled in.",
	"severity":         "error, warn, info, hint or off (or 0–3, -1); warn by default.",
	"recommended":      "false leaves the rule off unless a ruleset extends this one with `all` or sets its severity.",
	"resolved":         "false checks the document as written, references not followed (true by default).",
	"formats":          "The document formats the rule applies to (aas2, aas3, …); all when absent.",
	"documentationUrl": "A page about the rule; editors link the diagnostic's code to it.",
}

var thenKeyDocs = map[string]string{
	"field":           "What to check in each selected value: a key, a dotted path (`a.b`), `@key` for the keys themselves, or a JSONPath starting with `$`.",
	"function":        "The function that checks the value: " + strings.Join(FunctionNames(), ", ") + ".",
	"functionOptions": "The function's options.",
}

var severityNames = []string{"error", "warn", "info", "hint", "off"}

// Complete proposes what fits at offset of a ruleset's text. lastGood is
// the newest tree of the file that parsed, read when the text does not
// (it names the function whose options are being written).
func Complete(text []byte, offset int, format syntax.Format, lastGood *syntax.Node) []Suggestion {
	ctx := syntax.ContextAt(text, offset, format)
	root := lastGood
	if f := syntax.Parse(text, format); len(f.Errors) == 0 {
		root = f.Root
	}
	// A YAML flow list being written ("[spectral:asyncapi, "): the item
	// after the last "[" or "," is the one completed.
	flowItem := -1
	if i := strings.LastIndexAny(ctx.Prefix, "[,"); i >= 0 && ctx.Quote == 0 && format == syntax.YAML {
		rest := strings.TrimLeft(ctx.Prefix[i+1:], " ")
		flowItem = strings.Count(ctx.Prefix[:i+1], ",")
		ctx.ReplaceStart += len(ctx.Prefix) - len(rest)
		ctx.Prefix = rest
		ctx.InKey = false
	}
	path := ctx.Path
	if ctx.InKey && len(path) > 0 && isIndex(path[len(path)-1]) && format == syntax.YAML {
		// An item of a flow list, as the context reads one: a value.
		flowItem, _ = strconv.Atoi(path[len(path)-1])
		ctx.Key, path, ctx.InKey = path[len(path)-1], path[:len(path)-1], false
	}
	var out []Suggestion
	keys := func(docs map[string]string, detail string) {
		names := make([]string, 0, len(docs))
		for k := range docs {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			out = append(out, Suggestion{Label: k, Detail: detail, Doc: docs[k], Insert: keyInsert(k, ctx), IsKey: true})
		}
	}
	values := func(names []string, detail string, doc func(string) string) {
		for _, n := range names {
			s := Suggestion{Label: n, Detail: detail, Insert: n}
			if doc != nil {
				s.Doc = doc(n)
			}
			out = append(out, s)
		}
	}
	inThen := len(path) >= 3 && path[0] == "rules" && path[2] == "then"
	switch {
	case ctx.InKey && len(path) == 0:
		keys(topKeyDocs, "ruleset key")
	case ctx.InKey && len(path) == 1 && path[0] == "rules":
		var names []string
		for n := range spectralAsyncAPI {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, Suggestion{Label: n, Detail: "spectral:asyncapi rule", Insert: keyInsert(n, ctx), IsKey: true,
				Doc: "A rule of `spectral:asyncapi`, which asyncapi-ls's built-in rules run; give it a severity or off."})
		}
	case ctx.InKey && len(path) == 2 && path[0] == "rules":
		keys(ruleKeyDocs, "rule key")
	case ctx.InKey && inThen && (len(path) == 3 || (len(path) == 4 && isIndex(path[3]))):
		keys(thenKeyDocs, "then key")
	case ctx.InKey && inThen && path[len(path)-1] == "functionOptions":
		if fn := Functions[functionAt(root, path[:len(path)-1])]; fn != nil {
			for _, o := range fn.Options {
				out = append(out, Suggestion{Label: o.Name, Detail: fn.Name + " option (" + o.Type + ")", Doc: optionDoc(o), Insert: keyInsert(o.Name, ctx), IsKey: true})
			}
		}
	case !ctx.InKey && inThen && ctx.Key == "function":
		values(FunctionNames(), "function", func(n string) string { return functionDoc(Functions[n]) })
	case !ctx.InKey && inThen && len(path) >= 2 && path[len(path)-1] == "functionOptions":
		if fn := Functions[functionAt(root, path[:len(path)-1])]; fn != nil {
			if o := fn.option(ctx.Key); o != nil {
				values(o.Enum, fn.Name+" "+o.Name, nil)
				if o.Type == "boolean" {
					values([]string{"true", "false"}, fn.Name+" "+o.Name, nil)
				}
			}
		}
	case !ctx.InKey && (ctx.Key == "severity" || (len(path) == 1 && path[0] == "rules")):
		values(severityNames, "severity", nil)
	case !ctx.InKey && (ctx.Key == "extends" || (len(path) >= 1 && path[0] == "extends")):
		if flowItem == 1 && len(path) >= 2 && path[0] == "extends" {
			values([]string{"off", "recommended", "all"}, "extends severity", nil)
			break
		}
		values([]string{"spectral:asyncapi"}, "the built-in AsyncAPI ruleset", func(string) string {
			return "Spectral's AsyncAPI rules, run by asyncapi-ls's built-in rules of the same names."
		})
	case !ctx.InKey && (ctx.Key == "formats" || (len(path) >= 1 && path[len(path)-1] == "formats")):
		var names []string
		for f := range knownFormats {
			if strings.HasPrefix(f, "aas") {
				names = append(names, f)
			}
		}
		sort.Strings(names)
		values(names, "AsyncAPI format", nil)
	case !ctx.InKey && (ctx.Key == "resolved" || ctx.Key == "recommended"):
		values([]string{"true", "false"}, ctx.Key, nil)
	}
	for i := range out {
		out[i].Start, out[i].End = ctx.ReplaceStart, ctx.ReplaceEnd
	}
	return filterPrefix(out, ctx.Prefix)
}

func filterPrefix(in []Suggestion, prefix string) []Suggestion {
	if prefix == "" {
		return in
	}
	var out []Suggestion
	for _, s := range in {
		if strings.HasPrefix(strings.ToLower(s.Label), strings.ToLower(prefix)) {
			out = append(out, s)
		}
	}
	return out
}

func keyInsert(k string, ctx syntax.Context) string {
	if ctx.Format == syntax.JSON {
		return strconv.Quote(k)
	}
	if ctx.ColonFollows {
		return k
	}
	return k + ": "
}

func isIndex(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// functionAt is the function named in the then block at path, or "".
func functionAt(root *syntax.Node, path []string) string {
	if root == nil {
		return ""
	}
	return root.Find(path...).Get("function").String()
}

func functionDoc(f *Function) string {
	if f == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("**" + f.Name + "** — " + f.Doc)
	if len(f.Options) == 0 {
		b.WriteString("\n\nNo options.")
		return b.String()
	}
	b.WriteString("\n\nOptions:")
	for _, o := range f.Options {
		b.WriteString("\n- " + optionDoc(o))
	}
	return b.String()
}

func optionDoc(o Option) string {
	s := "`" + o.Name + "` (" + o.Type
	if o.Required {
		s += ", required"
	}
	s += "): " + o.Doc
	if len(o.Enum) > 0 {
		s += " — one of " + strings.Join(o.Enum, ", ")
	}
	return s
}

// Hover explains the key, function or option at offset of a ruleset.
func Hover(text []byte, offset int, format syntax.Format) (markdown string, start, end int, ok bool) {
	f := syntax.Parse(text, format)
	if f.Root == nil {
		return "", 0, 0, false
	}
	loc := syntax.At(f.Root, offset)
	if loc.Node == nil || len(loc.Path) == 0 {
		return "", 0, 0, false
	}
	path, last := loc.Path, loc.Path[len(loc.Path)-1]
	span := func(md string) (string, int, int, bool) { return md, loc.Node.Start, loc.Node.End, md != "" }
	inThen := len(path) >= 4 && path[0] == "rules" && path[2] == "then"
	switch {
	case loc.OnKey && len(path) == 1:
		return span(topKeyDocs[last])
	case loc.OnKey && len(path) == 2 && path[0] == "rules" && spectralAsyncAPI[last]:
		return span("**" + last + "** — a rule of `spectral:asyncapi`, run by asyncapi-ls's built-in rule of that name.")
	case loc.OnKey && len(path) == 3 && path[0] == "rules":
		return span(ruleKeyDocs[last])
	case loc.OnKey && inThen && thenKeyDocs[last] != "" && (len(path) == 4 || (len(path) == 5 && isIndex(path[3]))):
		return span(thenKeyDocs[last])
	case !loc.OnKey && inThen && last == "function":
		return span(functionDoc(Functions[loc.Node.String()]))
	case loc.OnKey && inThen && len(path) >= 2 && path[len(path)-2] == "functionOptions":
		if fn := Functions[functionAt(f.Root, path[:len(path)-2])]; fn != nil {
			if o := fn.option(last); o != nil {
				return span("**" + fn.Name + "** option " + optionDoc(*o))
			}
		}
	}
	return "", 0, 0, false
}
