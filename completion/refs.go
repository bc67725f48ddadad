package completion

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
)

// refs offers "$ref" targets of the kind the position expects. The list is
// ranked first (local targets of the expected kind, then files by nearness
// to the document), narrowed by what is typed (path segments, pointer
// segments), then cut: the cut marks the answer incomplete, so the client
// asks again as the user types, and it never hides local targets in favour
// of files.
func (st *state) refs() {
	kind := st.expectedKind()
	typed := st.ctx.Prefix
	file, _, hasHash := strings.Cut(typed, "#")
	if hasHash && file != "" {
		if st.req.Snapshot != nil {
			if doc, err := st.req.Snapshot.Referenced(file); err == nil && doc.Root() != nil {
				st.pointerItems(doc.Root(), file, kind)
			}
		}
		return
	}
	if hasHash || !looksLikePath(typed) {
		st.pointerItems(st.req.Tree, "", kind)
	}
	if !hasHash {
		st.fileItems(typed, kind)
	}
}

// looksLikePath reports whether typed text starts a file path rather than
// a name: it holds a "/" or starts with ".".
func looksLikePath(typed string) bool {
	return strings.Contains(typed, "/") || strings.HasPrefix(typed, ".")
}

// maxRefItems caps the file proposals of one answer, maxLocalRefItems its
// local targets; past them the answer is incomplete and the client asks
// again as the user types. Local targets rank before files and have a cap
// of their own, so files never push them out (documents seldom hold more
// than a hundred of one kind; the cap keeps answers on the biggest
// documents quick to send).
const (
	maxRefItems      = 100
	maxLocalRefItems = 100
)

// pointerItems lists the referable objects of root whose kind fits and
// whose pointer matches what is typed: typed segments in full, the last one
// typed as part of the segment at that depth; a bare word matches names.
// Targets of the expected kind rank first; maxLocalRefItems are kept.
func (st *state) pointerItems(root *syntax.Node, file, kind string) {
	typed, word := st.ctx.Prefix, ""
	if _, frag, ok := strings.Cut(typed, "#"); ok {
		typed = frag
	} else if file == "" {
		typed, word = "", typed // a bare word: a name in any section
	}
	listed := 0
	here := ""
	if file == "" {
		for _, tok := range st.ctx.Path {
			here += "/" + refs.EscapeToken(tok)
		}
	}
	for _, t := range targets(root, st.version) {
		if !kindFits(kind, t.kind) || !st.allowedTarget(t) || !pointerMatches(t.pointer, typed) || !nameMatches(t.pointer, word) {
			continue
		}
		if here != "" && (here == t.pointer || t.kind != "schema" && strings.HasPrefix(here, t.pointer+"/")) {
			continue // the object being written, or one holding it: a cycle (recursive schemas aside)
		}
		if listed >= maxLocalRefItems {
			st.capped = true
			return
		}
		listed++
		ref, sortKey := t.ref, t.sortKey
		if file != "" {
			ref = file + t.ref
			sortKey = "1" + sortKey[1:]
		}
		st.addUnique(Item{
			Label:         ref,
			Kind:          KindReference,
			Detail:        t.kind,
			Documentation: describeNode(t.node),
			InsertText:    st.valueInsert(ref),
			SortText:      sortKey,
		})
	}
}

// preferredSection reports whether a target lies where references of its
// kind usually lead: root channels, servers and operations, and components
// for everything else.
func preferredSection(t target) bool {
	inComponents := strings.HasPrefix(t.pointer, "/components/")
	switch t.kind {
	case "channel", "server", "operation":
		return !inComponents
	}
	return inComponents
}

// fileItems offers files (and the folders holding them) under the folder
// typed so far, nearest first: the folder's own files, its subfolders, then
// files deeper down; the last typed segment narrows them.
func (st *state) fileItems(typed, kind string) {
	if st.req.Files == nil {
		return
	}
	folder, partial := "", typed
	if i := strings.LastIndexByte(typed, '/'); i >= 0 {
		folder, partial = typed[:i+1], typed[i+1:]
	}
	shown := folder
	if shown == "" {
		shown = "./"
	}
	type candidate struct {
		rel    string // relative to folder
		depth  int
		folder bool
	}
	var found []candidate
	seenFolder := map[string]bool{}
	for _, rel := range st.req.Files(folder) {
		first, _, nested := strings.Cut(rel, "/")
		if !segmentMatches(first, partial) || !fileFits(rel, kind) {
			continue
		}
		if nested && !seenFolder[first] {
			seenFolder[first] = true
			found = append(found, candidate{rel: first + "/", depth: 1, folder: true})
		}
		found = append(found, candidate{rel: rel, depth: 2 * strings.Count(rel, "/")})
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.depth != b.depth {
			return a.depth < b.depth
		}
		if pa, pb := hasPrefixFold(a.rel, partial), hasPrefixFold(b.rel, partial); pa != pb {
			return pa
		}
		return a.rel < b.rel
	})
	if len(found) > maxRefItems {
		found, st.capped = found[:maxRefItems], true
	}
	for i, c := range found {
		label := shown + c.rel
		it := Item{Label: label, Kind: KindFile, Detail: "file", InsertText: st.valueInsert(label),
			SortText: "2" + strconv.Itoa(100000+i)}
		if c.folder {
			it.Kind, it.Detail = KindFolder, "folder"
		}
		st.add(it)
	}
}

// fileFits reports whether a file may be the target of a "$ref" of kind:
// Avro schema files only where a schema goes.
func fileFits(rel, kind string) bool {
	if strings.HasSuffix(strings.ToLower(rel), ".avsc") {
		return kind == "schema" || kind == ""
	}
	return true
}

// segmentMatches reports whether a path segment fits the partly typed one.
func segmentMatches(segment, partial string) bool {
	return partial == "" || containsFold(segment, partial)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// target is a referable object of a document.
type target struct {
	pointer string
	kind    string
	node    *syntax.Node
	// channel is, for a message under a 3.x channel, that channel's pointer.
	channel string
	// ref is "#" + pointer, and sortKey its rank and ref when proposed in
	// its own document: made once per tree, not per keystroke.
	ref, sortKey string
}

// newTarget makes a target of the pointer ref[1:].
func newTarget(ref, kind string, node *syntax.Node, channel string) target {
	t := target{pointer: ref[1:], ref: ref, kind: kind, node: node, channel: channel}
	t.sortKey = "0" + ref
	if !preferredSection(t) {
		t.sortKey = "0b" + ref
	}
	return t
}

// componentKinds maps a components section to the kind of its entries.
var componentKinds = map[string]string{
	"schemas": "schema", "messages": "message", "securitySchemes": "securityScheme", "parameters": "parameter",
	"correlationIds": "correlationId", "operationTraits": "operationTrait", "messageTraits": "messageTrait",
	"serverBindings": "serverBindings", "channelBindings": "channelBindings", "operationBindings": "operationBindings",
	"messageBindings": "messageBindings", "servers": "server", "channels": "channel", "operations": "operation",
	"replies": "operationReply", "replyAddresses": "operationReplyAddress", "externalDocs": "externalDocs",
	"tags": "tag", "serverVariables": "serverVariable",
}

// lastTargets caches the targets of the latest tree asked about: trees are
// immutable and completion asks about the same one keystroke after keystroke.
var lastTargets struct {
	sync.Mutex
	root    *syntax.Node
	version string
	list    []target
}

// Prepare lists ahead what a "$ref" in tree may point to, which the first
// "$ref" completion on a big document would otherwise wait for; text is
// the document's.
func Prepare(tree *syntax.Node, text []byte) {
	if tree != nil {
		targets(tree, analysis.VersionOf(tree, text))
	}
}

// targets enumerates what a "$ref" may point to in root.
func targets(root *syntax.Node, version string) []target {
	lastTargets.Lock()
	defer lastTargets.Unlock()
	if lastTargets.root != root || lastTargets.version != version || root == nil {
		lastTargets.root, lastTargets.version, lastTargets.list = root, version, collectTargets(root, version)
	}
	return lastTargets.list
}

func collectTargets(root *syntax.Node, version string) []target {
	var out []target
	for _, section := range root.Get("components").PairsOrNil() {
		kind := componentKinds[section.Key.Value]
		if kind == "" {
			continue
		}
		for _, e := range section.Value.PairsOrNil() {
			out = append(out, newTarget("#/components/"+section.Key.Value+"/"+refs.EscapeToken(e.Key.Value), kind, e.Value, ""))
		}
	}
	if strings.HasPrefix(version, "2.") {
		return out
	}
	for _, s := range root.Get("servers").PairsOrNil() {
		out = append(out, newTarget("#/servers/"+refs.EscapeToken(s.Key.Value), "server", s.Value, ""))
	}
	for _, c := range root.Get("channels").PairsOrNil() {
		ch := "/channels/" + refs.EscapeToken(c.Key.Value)
		out = append(out, newTarget("#"+ch, "channel", c.Value, ""))
		for _, m := range c.Value.Get("messages").PairsOrNil() {
			out = append(out, newTarget("#"+ch+"/messages/"+refs.EscapeToken(m.Key.Value), "message", m.Value, ch))
		}
	}
	for _, o := range root.Get("operations").PairsOrNil() {
		out = append(out, newTarget("#/operations/"+refs.EscapeToken(o.Key.Value), "operation", o.Value, ""))
	}
	return out
}

// expectedKind is the kind of object the "$ref" at the cursor must name.
func (st *state) expectedKind() string {
	p := st.ctx.Path
	if k := pathKind(p, strings.HasPrefix(st.version, "2.")); k != "" {
		return k
	}
	n := len(p)
	// Places where 3.x allows only a Reference: the schema does not say to what.
	if !strings.HasPrefix(st.version, "2.") {
		switch {
		case n >= 1 && p[n-1] == "channel":
			return "channel"
		case n >= 2 && p[n-2] == "messages" && (n >= 4 && p[n-4] == "operations" || n >= 3 && p[n-3] == "reply"):
			return "message"
		case n >= 2 && p[n-2] == "servers" && n >= 4 && p[n-4] == "channels":
			return "server"
		}
	}
	m := st.model(p)
	if m == nil {
		return ""
	}
	return nounKinds[m.Object]
}

// nounKinds maps the schema model's object nouns to target kinds.
var nounKinds = map[string]string{
	"a message": "message", "a channel": "channel", "a server": "server", "a schema": "schema",
	"a multi-format schema": "schema", "a parameter": "parameter", "a security scheme": "securityScheme",
	"a message trait": "messageTrait", "an operation trait": "operationTrait", "a correlation ID": "correlationId",
	"an operation reply": "operationReply", "an operation reply address": "operationReplyAddress",
	"an operation": "operation", "a tag": "tag", "external documentation": "externalDocs",
	"a server variable": "serverVariable",
}

func kindFits(want, have string) bool { return want == "" || want == have }

// allowedTarget narrows messages of a 3.x operation (or reply) to its
// channel's messages, referenced through the channel as the rules require.
func (st *state) allowedTarget(t target) bool {
	p := st.ctx.Path
	n := len(p)
	if t.kind != "message" || n < 3 || p[n-2] != "messages" {
		return true
	}
	owner := p[:n-2]
	channel := st.req.Tree.Find(append(append([]string(nil), owner...), "channel", "$ref")...).String()
	if channel == "" || !strings.HasPrefix(channel, "#/") {
		return true // no channel chosen yet: any message may do
	}
	return t.channel == channel[1:]
}

// describeNode summarises an object for documentation: its title, summary
// or description, and where it is.
func describeNode(n *syntax.Node) string {
	n = n.Resolve()
	if n == nil || n.Kind != syntax.Mapping {
		return ""
	}
	var b strings.Builder
	part := func(s ...string) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for _, x := range s {
			b.WriteString(x)
		}
	}
	for _, k := range [...]string{"title", "name", "summary", "description"} {
		if v := n.Get(k).String(); v != "" {
			part(v)
			if k != "title" && k != "name" {
				break
			}
		}
	}
	if v := n.Get("address").String(); v != "" {
		part("Address: `", v, "`")
	}
	if v := n.Get("type").String(); v != "" {
		part("Type: `", v, "`")
	}
	return b.String()
}

// nameMatches reports whether the last token of pointer holds word.
func nameMatches(pointer, word string) bool {
	return segmentMatches(pointer[strings.LastIndexByte(pointer, '/')+1:], word)
}

// pointerMatches reports whether pointer fits a partly typed pointer: the
// typed tokens in full, the last one as part of the token at its depth. It
// allocates nothing: it runs for every target on every keystroke.
func pointerMatches(pointer, typed string) bool {
	if typed == "" || typed == "/" {
		return true
	}
	want := strings.TrimPrefix(typed, "/")
	have := strings.TrimPrefix(pointer, "/")
	for {
		w, wantMore, wok := strings.Cut(want, "/")
		h, haveMore, hok := strings.Cut(have, "/")
		if !wok {
			return containsFold(h, w)
		}
		if h != w || !hok {
			return false
		}
		want, have = wantMore, haveMore
	}
}

// containsFold reports whether s holds sub, ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
