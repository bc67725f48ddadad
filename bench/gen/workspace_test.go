package gen

import (
	"bytes"
	"path"
	"strings"
	"testing"
)

func TestWorkspaceDeterministic(t *testing.T) {
	a := GenerateWorkspace(WorkspaceOptions{Files: 30, Refs: 600})
	b := GenerateWorkspace(WorkspaceOptions{Files: 30, Refs: 600})
	if len(a) != len(b) {
		t.Fatalf("file counts differ: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %s differs between runs", a[i].Path)
		}
	}
}

// TestWorkspaceRefsResolve checks the default workspace: file count, about
// 5,000 cross-file refs, every ref resolving, every service document valid.
func TestWorkspaceRefsResolve(t *testing.T) {
	files := GenerateWorkspace(WorkspaceOptions{})
	if len(files) != 200 {
		t.Fatalf("got %d files, want 200", len(files))
	}
	docs := map[string]any{}
	for _, f := range files {
		docs[f.Path] = decode(t, f.Data)
	}
	cross := 0
	for p, doc := range docs {
		if strings.HasPrefix(p, "svc-") {
			if err := officialSchema(t, "3.0.0").Validate(doc); err != nil {
				t.Fatalf("%s is not valid: %v", p, err)
			}
		}
		walkRefs(doc, func(r string) {
			file, ptr, _ := strings.Cut(r, "#")
			target := doc
			if file != "" {
				cross++
				target = docs[path.Join(path.Dir(p), file)]
			}
			if target == nil || !resolvePointer(target, ptr) {
				t.Errorf("%s: unresolved $ref %q", p, r)
			}
		})
	}
	if cross < 4500 || cross > 5500 {
		t.Errorf("got %d cross-file refs, want about 5,000", cross)
	}
	t.Logf("%d files, %d cross-file refs", len(files), cross)
}
