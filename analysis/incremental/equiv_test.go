package incremental

import (
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/rules"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
	"asyncapi-ls/bench/gen"
)

var edits = flag.Int("edits", defaultEdits, "random edits of the equivalence test on each 10-channel document (1/25 of it on the 100-channel one); -edits 5000 for a long run")

// TestEquivalence applies random edits to generated documents and checks
// after each that the incremental diagnostics, and the tree it assembles,
// equal those of the whole path.
func TestEquivalence(t *testing.T) {
	defer func(v int, g uint32) { minSplitBytes, groupEntries = v, g }(minSplitBytes, groupEntries)
	for _, tc := range []struct {
		name     string
		opts     gen.Options
		edits    int
		minSplit int
		group    uint32 // groupEntries
		rules    []analysis.Rule
	}{
		{"10ch-all-split", gen.Options{Version: "3.0.0", Channels: 10}, *edits, 0, 8, rules.All()},
		{"10ch-v2", gen.Options{Version: "2.6.0", Channels: 10, Seed: 3}, *edits, 0, 8, rules.All()},
		// Groups of two on average: many group ends for edits to move.
		{"10ch-small-groups", gen.Options{Version: "3.0.0", Channels: 10, Seed: 5}, *edits, 0, 2, nil},
		// The rules are left out on the bigger document: some cost seconds there.
		{"100ch", gen.Options{Version: "3.0.0", Channels: 100, Seed: 7}, max(*edits/25, 3), 2048, 8, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			minSplitBytes, groupEntries = tc.minSplit, tc.group
			base := gen.Generate(tc.opts)
			s := run(t, base, tc.edits, analysis.Options{Rules: tc.rules}, rand.New(rand.NewPCG(uint64(len(base)), 1)))
			// Half the random edits break the YAML, which takes the whole
			// path: a short sequence (under -race) may have no other.
			if s.Whole == s.Runs && s.Runs >= 10 {
				t.Errorf("every run took the whole path")
			}
		})
	}
}

// TestEquivalenceRealworld runs random edits on each YAML document of
// realworld-dev ($ASYNCAPI_LS_REALWORLD; skipped without it), split as
// finely as the splitter goes and grouped in twos: the shapes real
// documents have, which the generated ones lack.
func TestEquivalenceRealworld(t *testing.T) {
	dir := os.Getenv("ASYNCAPI_LS_REALWORLD")
	if dir == "" {
		t.Skip("ASYNCAPI_LS_REALWORLD is not set")
	}
	defer func(v int, g uint32) { minSplitBytes, groupEntries = v, g }(minSplitBytes, groupEntries)
	minSplitBytes, groupEntries = 0, 2
	n := max(*edits/25, 4)
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml") {
			return err
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			run(t, text, n, analysis.Options{}, rand.New(rand.NewPCG(uint64(len(text)), 2)))
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// run applies n random edits to base and checks after each that the
// incremental path gives what the whole path gives.
func run(t *testing.T, base []byte, n int, opts analysis.Options, rng *rand.Rand) Stats {
	t.Helper()
	st := New()
	st.verify = &factChecker{t: t}
	text, good := base, base
	var history [][]byte
	var prevDoc *analysis.Document
	for i := 0; i < n; i++ {
		prevText := text
		switch r := rng.IntN(100); {
		case r < 3:
			text = base
		case r < 10 && len(history) > 0:
			text = history[rng.IntN(len(history))] // undo: the cache must serve old sections at new places
		case r < 60 && !slices.Equal(text, good):
			text = edit(rng, good) // most edits start from a text that parses, as typing does
		default:
			text = edit(rng, text)
		}
		history = append(history, text)
		if len(history) > 8 {
			history = history[1:]
		}
		version := int32(i + 1)
		inc := analysis.NewDocument("file:///doc.yaml", version, text)
		if prevDoc != nil && rng.IntN(4) != 0 {
			// As from the server: what the edit left alone, as the editor's
			// ranges say, which may be less than all that is the same.
			same := source.Compare(prevText, text)
			if rng.IntN(2) == 0 {
				same.Prefix -= rng.IntN(same.Prefix + 1)
				same.Suffix -= rng.IntN(same.Suffix + 1)
			}
			inc = analysis.NewEditedDocument(prevDoc, version, text, same)
		}
		prevDoc = inc
		got := st.Analyze(inc, opts)
		whole := analysis.NewDocument("file:///doc.yaml", version, text)
		want := analysis.Analyze(whole, opts)
		if g, w := keys(got), keys(want); !slices.Equal(g, w) {
			t.Fatalf("edit %d: diagnostics differ\ntext:\n%s\nincremental:\n%s\nwhole:\n%s", i, text, strings.Join(g, "\n"), strings.Join(w, "\n"))
		}
		// Without rules, half the versions are never read as a tree (as
		// while typing, with no request): the next edit then starts from
		// sections left at the offsets of older versions.
		if len(opts.Rules) > 0 || rng.IntN(2) == 0 {
			if msg := sameFile(inc.File(), whole.File()); msg != "" {
				t.Fatalf("edit %d: trees differ: %s\ntext:\n%s", i, msg, text)
			}
		}
		if whole.Root() != nil && len(whole.File().Errors) == 0 {
			good = text
		}
	}
	s := st.Stats()
	t.Logf("%d runs, %d whole; sections parsed %d, moved %d, kept %d", s.Runs, s.Whole, s.Parsed, s.Moved, s.Kept)
	return s
}

func keys(ds []analysis.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		k := fmt.Sprintf("%d-%d %s %v %q %q", d.Start, d.End, d.Code, d.Severity, d.Message, d.Suggestion)
		for _, r := range d.Related {
			k += fmt.Sprintf(" [%s %d-%d %q]", r.URI, r.Start, r.End, r.Message)
		}
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// sameFile compares two parse results: the trees node by node (aliases by
// the place of their target), the duplicates and the errors.
func sameFile(a, b *syntax.File) string {
	if a.BOM != b.BOM || len(a.Errors) != len(b.Errors) || len(a.ExtraDocuments) != len(b.ExtraDocuments) || a.TooLarge != b.TooLarge {
		return fmt.Sprintf("file fields: %+v vs %+v", a, b)
	}
	for i := range a.Errors {
		if a.Errors[i] != b.Errors[i] {
			return fmt.Sprintf("error %d: %+v vs %+v", i, a.Errors[i], b.Errors[i])
		}
	}
	if len(a.Duplicates) != len(b.Duplicates) {
		return fmt.Sprintf("%d duplicates vs %d", len(a.Duplicates), len(b.Duplicates))
	}
	for i := range a.Duplicates {
		if x, y := a.Duplicates[i], b.Duplicates[i]; x.Start != y.Start || x.End != y.End || x.Value != y.Value {
			return fmt.Sprintf("duplicate %d: %d-%d %q vs %d-%d %q", i, x.Start, x.End, x.Value, y.Start, y.End, y.Value)
		}
	}
	return sameNode(a.Root, b.Root, "")
}

func sameNode(a, b *syntax.Node, path string) string {
	if (a == nil) != (b == nil) {
		return path + ": nil vs not"
	}
	if a == nil {
		return ""
	}
	if a.Kind != b.Kind || a.Start != b.Start || a.End != b.End || a.Value != b.Value || a.Tag() != b.Tag() || a.Quoted != b.Quoted || a.Flow != b.Flow ||
		len(a.Pairs) != len(b.Pairs) || len(a.Items) != len(b.Items) {
		return fmt.Sprintf("%s: %+v vs %+v", path, *a, *b)
	}
	if a.Kind == syntax.Alias {
		if at, bt := a.Target(), b.Target(); (at == nil) != (bt == nil) || at != nil && (at.Start != bt.Start || at.End != bt.End) {
			return path + ": alias targets differ"
		}
	}
	for i := range a.Pairs {
		if m := sameNode(a.Pairs[i].Key, b.Pairs[i].Key, path+"/"+b.Pairs[i].Key.Value+"(key)"); m != "" {
			return m
		}
		if m := sameNode(a.Pairs[i].Value, b.Pairs[i].Value, path+"/"+b.Pairs[i].Key.Value); m != "" {
			return m
		}
	}
	for i := range a.Items {
		if m := sameNode(a.Items[i], b.Items[i], fmt.Sprintf("%s/%d", path, i)); m != "" {
			return m
		}
	}
	return ""
}

// edit makes one random change: characters and lines typed or deleted,
// indentation changed (of section headers most often), anchors and aliases
// added, keys duplicated.
func edit(rng *rand.Rand, text []byte) []byte {
	lines := strings.SplitAfter(string(text), "\n")
	li := rng.IntN(len(lines))
	if rng.IntN(3) == 0 { // prefer lines that start a section
		for tries := 0; tries < 20; tries++ {
			j := rng.IntN(len(lines))
			if ind := len(lines[j]) - len(strings.TrimLeft(lines[j], " ")); ind <= 4 && strings.TrimSpace(lines[j]) != "" {
				li = j
				break
			}
		}
	}
	l := lines[li]
	ind := len(l) - len(strings.TrimLeft(l, " "))
	const alphabet = "abcxyz019 :-#&*'\"{}[],|>!?%.\t\n"
	switch rng.IntN(14) {
	case 0, 1: // type a character in the line
		pos := rng.IntN(len(l) + 1)
		l = l[:pos] + string(alphabet[rng.IntN(len(alphabet))]) + l[pos:]
	case 2: // delete characters
		if len(l) > 0 {
			pos := rng.IntN(len(l))
			l = l[:pos] + l[min(len(l), pos+1+rng.IntN(3)):]
		}
	case 3: // indent
		l = strings.Repeat(" ", 1+rng.IntN(2)) + l
	case 4: // dedent
		l = l[min(ind, 1+rng.IntN(2)):]
	case 5: // delete the line
		l = ""
	case 6: // duplicate the line
		l += l
	case 7: // an anchor after a key
		if i := strings.Index(l, ":"); i > 0 {
			l = l[:i+1] + " &a" + fmt.Sprint(rng.IntN(3)) + l[i+1:]
		}
	case 8: // an alias as a value
		if i := strings.Index(l, ": "); i > 0 {
			l = l[:i+2] + "*a" + fmt.Sprint(rng.IntN(3)) + "\n"
		}
	case 9: // a new key, maybe empty
		keys := []string{"description: typed", "title:", "x-note: 1", "address: a/b", "$ref: '#/components/messages/nope'", "foo:",
			"url: mqtt://broker:1883/a", "publish: {}", "message: {payload: {}}", "schema: {type: string}"} // 2.x fields in 3.x
		l = strings.Repeat(" ", []int{0, 2, 4, 6, ind}[rng.IntN(5)]) + keys[rng.IntN(len(keys))] + "\n" + l
	case 10: // type a word in a description
		if i := strings.Index(l, "description: "); i >= 0 {
			l = l[:i+13] + "word " + l[i+13:]
		}
	case 11: // delete a run of lines
		end := min(len(lines), li+1+rng.IntN(6))
		lines = append(lines[:li], lines[end:]...)
		return []byte(strings.Join(lines, ""))
	case 12: // copy a block of lines elsewhere (duplicate keys, moved sections)
		end := min(len(lines), li+1+rng.IntN(8))
		block := slices.Clone(lines[li:end])
		at := rng.IntN(len(lines) + 1)
		lines = slices.Insert(slices.Clone(lines), at, block...)
		return []byte(strings.Join(lines, ""))
	case 13: // a comment line
		note := []string{"# note", "# " + analysis.SuppressComment}[rng.IntN(2)]
		l = strings.Repeat(" ", rng.IntN(5)) + note + "\n" + l
	}
	lines[li] = l
	return []byte(strings.Join(lines, ""))
}

// TestEmptyBlockScalarEnds pins the span of an empty block scalar: it ends on
// its own line, so that a section's tree does not depend on the text after it.
func TestEmptyBlockScalarEnds(t *testing.T) {
	text := []byte("a:\n  b: |\n  c: x\nd:\n  e: 1\n")
	f := syntax.Parse(text, syntax.YAML)
	b := f.Root.Find("a", "b")
	if b == nil || b.End > len("a:\n  b: |") {
		t.Fatalf("empty block scalar spans %+v, want it to end at its line", b)
	}
}

// TestSuppressionCommentInASection checks that a suppression comment in
// any section silences the finding under it without the rules (the first
// step of a big document), after an edit elsewhere too: the sections tell
// whether the text may hold one.
func TestSuppressionCommentInASection(t *testing.T) {
	defer func(v int) { minSplitBytes = v }(minSplitBytes)
	minSplitBytes = 0
	base := gen.Generate(gen.Options{Version: "3.0.0", Channels: 10})
	// A wrong-typed title deep in the document, silenced by the line above.
	at := strings.Index(string(base), "    title: ")
	if at < 0 {
		t.Fatal("no channel title in the generated document")
	}
	text := string(base[:at]) + "    # " + analysis.SuppressComment + "\n    title: [1]\n" + string(base[at+strings.IndexByte(string(base[at:]), '\n')+1:])
	st := New()
	for i, version := range []string{text, strings.Replace(text, "Platform team", "Platform crew", 1)} {
		inc := st.Analyze(analysis.NewDocument("file:///doc.yaml", int32(i+1), []byte(version)), analysis.Options{})
		whole := analysis.Analyze(analysis.NewDocument("file:///doc.yaml", int32(i+1), []byte(version)), analysis.Options{})
		if g, w := keys(inc), keys(whole); !slices.Equal(g, w) {
			t.Fatalf("version %d: diagnostics differ\nincremental:\n%s\nwhole:\n%s", i+1, strings.Join(g, "\n"), strings.Join(w, "\n"))
		}
		if unsuppressed := analysis.Analyze(analysis.NewDocument("file:///doc.yaml", 1, []byte(strings.Replace(version, analysis.SuppressComment, "note", 1))), analysis.Options{}); len(unsuppressed) <= len(whole) {
			t.Fatalf("version %d: the comment silences nothing (%d findings without it, %d with it)", i+1, len(unsuppressed), len(whole))
		}
	}
	if s := st.Stats(); s.Whole > 0 {
		t.Fatalf("%d of %d runs took the whole path", s.Whole, s.Runs)
	}
}
