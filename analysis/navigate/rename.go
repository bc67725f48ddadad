package navigate

import (
	"errors"
	"regexp"
	"sort"
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/analysis/workspace"
)

// Edit replaces the byte span [Start, End) with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// FileEdit is every edit of one document, in order, not overlapping.
type FileEdit struct {
	URI   string
	Doc   *analysis.Document
	Edits []Edit
}

// RenameError explains why a rename cannot be made.
type RenameError struct{ Reason string }

func (e *RenameError) Error() string { return e.Reason }

func refuse(reason string) error { return &RenameError{Reason: reason} }

// errNothing: the cursor is on nothing renamable (an answer, not a failure).
var errNothing = errors.New("nothing to rename here")

// IsNothing reports whether err means "no renamable name under the cursor".
func IsNothing(err error) bool { return errors.Is(err, errNothing) }

// renameTarget is a resolved, renamable definition.
type renameTarget struct {
	key     refs.Key
	keyNode *syntax.Node
	parent  *syntax.Node // the mapping holding the key
	doc     *analysis.Document
	subject Subject
}

// PrepareRename returns the span of the name under the cursor and the name,
// or why it cannot be renamed.
func PrepareRename(snap *workspace.Snapshot, offset int) (start, end int, name string, err error) {
	doc := snap.Document()
	t, err := findRenameTarget(snap, offset)
	if err != nil {
		return 0, 0, "", err
	}
	// A name the rename would refuse as a new name is refused here, with
	// the same words: an editor must not offer a rename that keeps the
	// name's form and then fails.
	if err := nameForm(t, t.keyNode.Value); err != nil {
		return 0, 0, "", err
	}
	if _, err := renameEdits(snap, t, t.key.Tokens[len(t.key.Tokens)-1], false); err != nil {
		return 0, 0, "", err
	}
	name = t.key.Tokens[len(t.key.Tokens)-1]
	index := len(t.key.Tokens) - 1
	if t.subject.Via == ViaRef && !t.subject.Key.Equal(t.key) {
		index = -1 // reached through another reference: no token of its own
	}
	start, end = nameSpan(doc, t.subject, index, name)
	return start, end, name, nil
}

// Rename returns the edits that rename the definition under the cursor to
// newName and rewrite every reference to it across the workspace.
func Rename(snap *workspace.Snapshot, offset int, newName string) ([]FileEdit, error) {
	t, err := findRenameTarget(snap, offset)
	if err != nil {
		return nil, err
	}
	if err := validName(t, newName); err != nil {
		return nil, err
	}
	return renameEdits(snap, t, newName, true)
}

func findRenameTarget(snap *workspace.Snapshot, offset int) (renameTarget, error) {
	s, ok := SubjectAt(snap.Document(), offset)
	if !ok {
		return renameTarget{}, errNothing
	}
	t, defDoc, err := resolveSubject(snap, s)
	if err != nil {
		return renameTarget{}, refuse("The definition this names cannot be found, so it cannot be renamed.")
	}
	if !renamable(t.Tokens) {
		return renameTarget{}, refuse("Only components, channels, operations, channel messages and servers can be renamed.")
	}
	if refs.IsRemote(t.URI) {
		return renameTarget{}, refuse("The definition is in a remote document, which cannot be edited.")
	}
	parent := defDoc.Root().Find(t.Tokens[:len(t.Tokens)-1]...).Resolve()
	if t.Key == nil || parent == nil || parent.Kind != syntax.Mapping || !ownsKey(parent, t.Key) || t.Key.Kind != syntax.Scalar || !singleLine(defDoc, t.Key) {
		return renameTarget{}, refuse("The name is not written as a plain mapping key (an alias or a merged key), so it cannot be renamed safely.")
	}
	n := 0
	for _, p := range parent.Pairs {
		if p.Key.Value == t.Key.Value {
			n++
		}
	}
	if n > 1 {
		return renameTarget{}, refuse(`The key "` + t.Key.Value + `" is defined more than once here; remove the duplicate first.`)
	}
	return renameTarget{key: refs.Key{URI: t.URI, Tokens: t.Tokens}, keyNode: t.Key, parent: parent, doc: defDoc, subject: s}, nil
}

func renamable(tokens []string) bool {
	switch len(tokens) {
	case 2:
		return tokens[0] == "channels" || tokens[0] == "operations" || tokens[0] == "servers"
	case 3:
		_, ok := refs.ComponentKinds[tokens[1]]
		return tokens[0] == "components" && ok
	case 4:
		return tokens[0] == "channels" && tokens[2] == "messages"
	}
	return false
}

func ownsKey(parent, key *syntax.Node) bool {
	for _, p := range parent.Pairs {
		if p.Key == key {
			return true
		}
	}
	return false
}

func singleLine(doc *analysis.Document, n *syntax.Node) bool {
	return n.End > n.Start && !strings.ContainsAny(string(doc.Text[n.Start:n.End]), "\r\n")
}

// idPattern is what the specification allows for the names of components,
// 3.x channels, operations, messages and servers.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

func validName(t renameTarget, name string) error {
	if name == t.keyNode.Value {
		return refuse("The new name is the current name.")
	}
	if err := nameForm(t, name); err != nil {
		return err
	}
	for _, p := range t.parent.Pairs {
		if p.Key.Value == name {
			return refuse(`"` + name + `" already exists here.`)
		}
	}
	return nil
}

// nameForm checks the form of a name for the target: what the
// specification allows for its kind (any single line for a 2.x channel).
func nameForm(t renameTarget, name string) error {
	channel2x := t.key.Tokens[0] == "channels" && len(t.key.Tokens) == 2 && majorVersion(t.doc) == 2
	switch {
	case channel2x && (strings.TrimSpace(name) == "" || strings.ContainsAny(name, "\r\n\t")):
		return refuse("A channel name must be a non-empty single line.")
	case !channel2x && !idPattern.MatchString(name):
		return refuse(`"` + name + `" is not a valid name here: use letters, digits, ".", "-" and "_".`)
	}
	return nil
}

// renameEdits builds the edits; with write unset it only checks that every
// reference can be rewritten.
func renameEdits(snap *workspace.Snapshot, t renameTarget, newName string, write bool) ([]FileEdit, error) {
	byURI := map[string]*FileEdit{}
	add := func(d *analysis.Document, n *syntax.Node, text string) {
		fe := byURI[d.URI]
		if fe == nil {
			fe = &FileEdit{URI: d.URI, Doc: d}
			byURI[d.URI] = fe
		}
		fe.Edits = append(fe.Edits, Edit{Start: n.Start, End: n.End, NewText: text})
	}
	add(t.doc, t.keyNode, scalarText(t.doc, t.keyNode, newName))
	index := len(t.key.Tokens) - 1
	for _, r := range refsTo(snap, t.key) {
		n := r.Node
		if n.Kind != syntax.Scalar || !singleLine(r.Doc, n) {
			return nil, refuse(`A "$ref" to it in ` + r.URI + " is not a one-line string and cannot be rewritten safely.")
		}
		add(r.Doc, n, scalarText(r.Doc, n, rewriteRef(n.Value, index, newName)))
	}
	for _, r := range namesOf(snap, t.doc, t.key) {
		if r.Node == nil || !singleLine(r.Doc, r.Node) {
			return nil, refuse("A name that refers to it cannot be rewritten safely.")
		}
		add(r.Doc, r.Node, scalarText(r.Doc, r.Node, newName))
	}
	if !write {
		return nil, nil
	}
	out := make([]FileEdit, 0, len(byURI))
	for _, fe := range byURI {
		sort.Slice(fe.Edits, func(i, j int) bool { return fe.Edits[i].Start < fe.Edits[j].Start })
		fe.Edits = dedupe(fe.Edits)
		out = append(out, *fe)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URI < out[j].URI })
	return out, nil
}

func dedupe(edits []Edit) []Edit {
	out := edits[:0]
	for i, e := range edits {
		if i > 0 && e.Start < out[len(out)-1].End {
			continue // the same place reached twice
		}
		out = append(out, e)
	}
	return out
}

// rewriteRef replaces pointer token index of a "$ref" value with name,
// leaving the file part and the other tokens as they were written.
func rewriteRef(raw string, index int, name string) string {
	file, frag, _ := strings.Cut(raw, "#")
	parts := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	if strings.Contains(strings.ToLower(frag), "%2f") || index >= len(parts) {
		// An encoded "/" hides the token boundaries: write every token anew.
		tokens, _ := refs.ParsePointer(frag)
		if index < len(tokens) {
			tokens[index] = name
		}
		var b strings.Builder
		for _, t := range tokens {
			b.WriteString("/" + refs.FragmentToken(t))
		}
		return file + "#" + b.String()
	}
	parts[index] = refs.FragmentToken(name)
	return file + "#/" + strings.Join(parts, "/")
}

// nameSpan is the span of the name inside the text under the cursor: the
// key without quotes, or the pointer token inside a "$ref".
func nameSpan(doc *analysis.Document, s Subject, index int, name string) (int, int) {
	raw := string(doc.Text[s.Start:s.End])
	inner, shift := raw, 0
	if len(raw) >= 2 && (raw[0] == '"' || raw[0] == '\'') {
		inner, shift = raw[1:len(raw)-1], 1
	}
	if s.Via != ViaRef {
		if inner == name {
			return s.Start + shift, s.Start + shift + len(name)
		}
		return s.Start, s.End
	}
	hash := strings.IndexByte(inner, '#')
	if hash < 0 {
		return s.Start, s.End
	}
	pos := hash + 1
	parts := strings.Split(strings.TrimPrefix(inner[pos:], "/"), "/")
	if index < 0 || index >= len(parts) {
		return s.Start, s.End
	}
	pos++ // the leading "/"
	for i := 0; i < index; i++ {
		pos += len(parts[i]) + 1
	}
	return s.Start + shift + pos, s.Start + shift + pos + len(parts[index])
}
