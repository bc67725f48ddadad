package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/preview"
	"asyncapi-ls/preview/live"
)

// runDocs writes the documentation page of one document: one HTML file with
// its styles, script and pictures inline, nothing fetched.
func runDocs(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("docs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the page to `FILE` (default: standard output)")
	fs.Usage = func() { fmt.Fprint(stderr, "usage: asyncapi-ls docs [-o OUT.html] FILE\n") }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	oneShotMemory()
	page, err := filePage(fs.Arg(0), nil)
	if err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls docs: %v\n", err)
		return 2
	}
	var buf bytes.Buffer
	if err := preview.Write(&buf, page, preview.Options{}); err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls docs: %v\n", err)
		return 2
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls docs: %v\n", err)
		return 2
	}
	for _, p := range page.Problems {
		fmt.Fprintf(stderr, "asyncapi-ls docs: %s: %s\n", fs.Arg(0), p)
	}
	if page.Broken {
		return 1
	}
	return 0
}

// filePage builds the page of the file at path from disk; files carries the
// other files the page read (for the live command's change check).
func filePage(path string, files *[]string) (*preview.Page, error) {
	doc, err := loadDocument(path)
	if err != nil {
		return nil, err
	}
	// A fresh workspace per page: every render sees the files as they are.
	snap := workspace.New(workspace.Options{}).Snapshot(doc)
	page := preview.Build(snap)
	if files != nil && !page.Broken {
		*files = snap.Model().Files()
	}
	return page, nil
}

// runPreview serves the page of one document on 127.0.0.1 and refreshes the
// browser when the file, or a file it references, changes.
func runPreview(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	port := fs.Int("port", 0, "listen on 127.0.0.1:`N` (default: a free port)")
	fs.Usage = func() { fmt.Fprint(stderr, "usage: asyncapi-ls preview [--port N] FILE\n") }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	if _, err := loadDocument(path); err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls preview: %v\n", err)
		return 2
	}
	srv, err := live.Start(live.Options{Port: *port})
	if err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls preview: %v\n", err)
		return 2
	}
	defer srv.Close()
	url := srv.Show(path, &fileSource{path: path})
	fmt.Fprintf(stdout, "Preview of %s at\n  %s\nThe page follows the file as it changes. Ctrl-C stops.\n", path, url)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	return 0
}

// fileSource is a document on disk for the live server: its stamp is the
// size and modification time of the file and of every file it references.
type fileSource struct {
	path   string
	follow preview.Follower
}

func (f *fileSource) Stamp() string {
	files := append([]string{f.path}, f.follow.Files()...)
	var b strings.Builder
	for _, p := range files {
		if strings.HasPrefix(p, "file:") {
			p = refs.FilePath(p)
		}
		if info, err := os.Stat(p); err == nil {
			b.WriteString(strconv.FormatInt(info.ModTime().UnixNano(), 36) + "/" + strconv.FormatInt(info.Size(), 36) + ";")
		} else {
			b.WriteString("missing;")
		}
	}
	return b.String()
}

func (f *fileSource) Render(w io.Writer, opts preview.Options) error {
	var files []string
	page, err := filePage(f.path, &files)
	if err != nil {
		page = &preview.Page{Problems: []string{err.Error()}, Broken: true}
	}
	return preview.Write(w, f.follow.Next(page, files), opts)
}
