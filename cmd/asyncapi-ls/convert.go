package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/config"
	"asyncapi-ls/analysis/workspace"
	"asyncapi-ls/convert"
)

// runConvert converts one document to AsyncAPI 3 and writes it to stdout,
// to -o OUT, or back into the file (-w). Notes about what the conversion
// could not carry over, and the errors the converted document still has,
// go to stderr. Exit status: 0 converted, 1 converted but the result has
// errors, 2 usage, I/O or a document that cannot be converted.
func runConvert(args []string, stdout, stderr io.Writer) int {
	oneShotMemory()
	fset := flag.NewFlagSet("convert", flag.ContinueOnError)
	fset.SetOutput(stderr)
	to := fset.String("to", "3.0.0", "the version to convert to: 3.0.0 or 3.1.0")
	perspective := fset.String("perspective", "application", "application (2.x publish becomes receive) or client (publish becomes send)")
	out := fset.String("o", "", "write the converted document to this file")
	inPlace := fset.Bool("w", false, "write the converted document back into FILE")
	noCheck := fset.Bool("no-check", false, "do not check the converted document")
	// Flags may come before or after FILE.
	var files []string
	for rest := args; ; {
		if err := fset.Parse(rest); err != nil {
			return 2
		}
		if fset.NArg() == 0 {
			break
		}
		files = append(files, fset.Arg(0))
		rest = fset.Args()[1:]
	}
	if len(files) != 1 || *out != "" && *inPlace {
		if len(files) != 1 {
			fmt.Fprintln(stderr, "asyncapi-ls convert: give one FILE")
		} else {
			fmt.Fprintln(stderr, "asyncapi-ls convert: -o and -w exclude each other")
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	path := files[0]
	doc, err := loadDocument(path)
	if err != nil {
		fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
		return 2
	}
	resolver := workspace.New(workspace.Options{})
	res, err := convert.Convert(doc, convert.Options{To: *to, Perspective: *perspective, Resolver: resolver.Snapshot(doc)})
	if err != nil {
		if errors.Is(err, convert.ErrSyntax) {
			fmt.Fprintf(stderr, "%s: %v; fix it first\n", path, err)
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
		}
		return 2
	}
	for _, n := range res.Notes {
		line, col := doc.Mapper.Column(n.Start)
		fmt.Fprintf(stderr, "%s:%d:%d: note: %s: %s\n", path, line, col, n.Pointer(), n.Message)
	}
	if res.From == res.To {
		fmt.Fprintf(stderr, "%s: already AsyncAPI %s; nothing to convert\n", path, res.To)
	}
	target := "<stdout>"
	switch {
	case *inPlace:
		target = path
		if res.Changed() {
			if err := writeFileAtomic(path, res.Text); err != nil {
				fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
				return 2
			}
		}
	case *out != "":
		target = *out
		if err := os.WriteFile(*out, res.Text, 0o644); err != nil {
			fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
			return 2
		}
	default:
		if _, err := stdout.Write(res.Text); err != nil {
			fmt.Fprintf(stderr, "asyncapi-ls: %v\n", err)
			return 2
		}
	}
	if *noCheck || !res.Changed() {
		return 0
	}
	// The converted document is checked where the original stands, so that
	// its relative references resolve the same way.
	converted := analysis.NewDocument(doc.URI, 2, res.Text)
	cfg, _ := (&configCache{stderr: io.Discard}).forFile(path)
	errs := 0
	found := analysis.Analyze(converted, config.New(cfg, resolver.Snapshot(converted)))
	slices.SortStableFunc(found, func(a, b analysis.Diagnostic) int { return a.Start - b.Start })
	for _, d := range found {
		if d.Severity != analysis.SeverityError {
			continue
		}
		errs++
		line, col := converted.Mapper.Column(d.Start)
		fmt.Fprintf(stderr, "%s:%d:%d: error: %s [%s]\n", target, line, col, d.Message, d.Code)
	}
	if errs > 0 {
		fmt.Fprintf(stderr, "%s: the converted document has %d error(s) to fix by hand\n", target, errs)
		return 1
	}
	return 0
}

// writeFileAtomic replaces path with text through a temporary file in the
// same folder, keeping the file's mode.
func writeFileAtomic(path string, text []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
