package gen

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// WorkspaceOptions selects a multi-file workspace: service documents whose
// channels reference messages, schemas and parameters kept in shared files.
type WorkspaceOptions struct {
	// Files is the total number of files; zero means 200.
	Files int
	// Refs is the approximate number of cross-file $refs; zero means 5,000.
	Refs int
	// Version is 3.0.0 or 3.1.0; empty means 3.0.0.
	Version string
	Format  Format
	Seed    uint64
}

// File is one generated file, Path relative to the workspace root.
type File struct {
	Path string
	Data []byte
}

// refsPerUnit is about how many cross-file refs one channel brings (its
// channel, messages and schemas); it sizes the workspace for opts.Refs.
const refsPerUnit = 19

func (o WorkspaceOptions) normalized() WorkspaceOptions {
	if o.Files <= 0 {
		o.Files = 200
	}
	if o.Refs <= 0 {
		o.Refs = 5000
	}
	if o.Version == "" {
		o.Version = "3.0.0"
	}
	if o.Seed == 0 {
		o.Seed = 0xA5A5C0DE
	}
	return o
}

// CheckWorkspace reports whether opts name a workspace GenerateWorkspace
// can write.
func CheckWorkspace(opts WorkspaceOptions) error {
	opts = opts.normalized()
	if opts.Version != "3.0.0" && opts.Version != "3.1.0" {
		return fmt.Errorf("gen: workspaces are written for AsyncAPI 3.x, not %q", opts.Version)
	}
	if opts.Files < 4 {
		return fmt.Errorf("gen: a workspace needs at least 4 files, got %d", opts.Files)
	}
	return nil
}

// workspaceLayout decides which file holds what.
type workspaceLayout struct {
	services, messageFiles, schemaFiles, units int
	ext                                        string
	// home maps "kind/name" to the file that defines it.
	home map[string]string
}

const sharedFile = "common/shared"

func newLayout(o WorkspaceOptions) *workspaceLayout {
	commons := max(3, o.Files/10)
	l := &workspaceLayout{
		messageFiles: (commons - 1) / 2,
		ext:          ".yaml",
		home:         map[string]string{},
	}
	if o.Format == JSON {
		l.ext = ".json"
	}
	l.schemaFiles = commons - 1 - l.messageFiles
	l.services = o.Files - commons
	l.units = max(l.services, o.Refs/refsPerUnit)
	return l
}

func (l *workspaceLayout) servicePath(s int) string {
	return fmt.Sprintf("svc-%03d.asyncapi%s", s, l.ext)
}
func (l *workspaceLayout) messagesPath(u int) string {
	return fmt.Sprintf("common/messages-%02d%s", u%l.messageFiles, l.ext)
}
func (l *workspaceLayout) schemasPath(u int) string {
	return fmt.Sprintf("common/schemas-%02d%s", u%l.schemaFiles, l.ext)
}

// unitsOf returns the unit indexes whose channels service s declares.
func (l *workspaceLayout) unitsOf(s int) (from, to int) {
	return s * l.units / l.services, (s + 1) * l.units / l.services
}

// locatorFrom returns refs as seen from the file at path from.
func (l *workspaceLayout) locatorFrom(from string) locator {
	return func(kind, name string) string {
		target, ok := l.home[kind+"/"+name]
		if !ok {
			target = sharedFile + l.ext
		}
		pointer := "#/components/" + kind + "/" + name
		if target == from {
			return pointer
		}
		rel := relPath(path.Dir(from), target)
		return rel + pointer
	}
}

// relPath is path.Rel for the two-level trees written here.
func relPath(fromDir, target string) string {
	if fromDir == "." {
		return "./" + target
	}
	if path.Dir(target) == fromDir {
		return "./" + path.Base(target)
	}
	return strings.Repeat("../", strings.Count(fromDir, "/")+1) + target
}

// GenerateWorkspace returns the files of a workspace, sorted by path.
func GenerateWorkspace(opts WorkspaceOptions) []File {
	opts = opts.normalized()
	if err := CheckWorkspace(opts); err != nil {
		panic(err)
	}
	l := newLayout(opts)
	units := make([]unit, l.units)
	for i := range units {
		units[i] = newUnit(i, l.units, opts.Seed)
		u := units[i]
		for _, n := range []string{u.pascal, u.pascal + "Summary", u.pascal + "CreatedPayload", u.pascal + "UpdatedPayload"} {
			l.home["schemas/"+n] = l.schemasPath(i)
		}
		for _, ev := range []string{"Created", "Updated", "Deleted"} {
			l.home["messages/"+u.msg(ev)] = l.messagesPath(i)
		}
	}

	shared := sharedFile + l.ext
	sharedComponents := obj().set("schemas", sharedSchemas(l.locatorFrom(shared)))
	rest := v3SharedComponents(l.locatorFrom(shared))
	sharedComponents.keys = append(sharedComponents.keys, rest.keys...)
	sharedComponents.vals = append(sharedComponents.vals, rest.vals...)
	files := map[string]*object{shared: obj().set("components", sharedComponents)}

	componentFile := func(p, kind string) *object {
		if files[p] == nil {
			files[p] = obj().set("components", obj().set(kind, obj()))
		}
		return files[p].vals[0].(*object).vals[0].(*object)
	}
	for i, u := range units {
		sp, mp := l.schemasPath(i), l.messagesPath(i)
		unitSchemas(componentFile(sp, "schemas"), u, l.locatorFrom(sp))
		v3UnitMessages(componentFile(mp, "messages"), u, l.locatorFrom(mp))
	}
	for s := 0; s < l.services; s++ {
		p := l.servicePath(s)
		files[p] = workspaceService(opts, s, units, l, l.locatorFrom(p))
	}

	out := make([]File, 0, len(files))
	for p, doc := range files {
		out = append(out, File{Path: p, Data: render(doc, opts.Format)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func workspaceService(opts WorkspaceOptions, s int, units []unit, l *workspaceLayout, loc locator) *object {
	channels, operations := obj(), obj()
	from, to := l.unitsOf(s)
	for _, u := range units[from:to] {
		channels.set(u.channel, v3Channel(u, loc))
		v3ServiceOperations(operations, u, loc, from)
	}
	info := v3Info(Options{Channels: to - from}).
		set("tags", list(obj().set("name", "generated")))
	info.vals[0] = fmt.Sprintf("Service %03d", s)
	info.vals[2] = fmt.Sprintf("One of %d services sharing components from common/.", l.services)
	return obj().
		set("asyncapi", opts.Version).
		set("info", info).
		set("defaultContentType", "application/json").
		set("servers", v3Servers(loc)).
		set("channels", channels).
		set("operations", operations)
}

// v3ServiceOperations writes the unit's operations; a reply whose channel
// would belong to another service is left out.
func v3ServiceOperations(ops *object, u unit, loc locator, firstUnit int) {
	v3Operations(ops, u, loc)
	if u.hasReply() && u.index == firstUnit {
		recv := ops.vals[len(ops.vals)-1].(*object)
		recv.keys, recv.vals = recv.keys[:len(recv.keys)-1], recv.vals[:len(recv.vals)-1]
	}
}
