// Command gen writes the synthetic AsyncAPI documents of package
// asyncapi-ls/bench/gen: one document, a multi-file workspace, or the
// standard set the benchmark scripts use.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"asyncapi-ls/bench/gen"
)

func main() {
	version := flag.String("version", "3.0.0", "AsyncAPI version: 3.0.0, 3.1.0 or 2.6.0")
	channels := flag.Int("channels", 100, "number of channels")
	asJSON := flag.Bool("json", false, "write JSON instead of YAML")
	seed := flag.Uint64("seed", 0, "content seed (0 = default)")
	out := flag.String("o", "-", "output file (- for stdout); with -workspace or -set, a directory")
	workspace := flag.Bool("workspace", false, "write a multi-file workspace into -o")
	files := flag.Int("files", 200, "workspace: number of files")
	refs := flag.Int("refs", 5000, "workspace: approximate number of cross-file $refs")
	set := flag.Bool("set", false, "write every version at 10, 100 and 1000 channels into -o")
	flag.Parse()

	format := gen.YAML
	if *asJSON {
		format = gen.JSON
	}
	var err error
	switch {
	case *set:
		err = writeSet(*out, format, *seed)
	case *workspace:
		err = writeWorkspace(*out, gen.WorkspaceOptions{Files: *files, Refs: *refs, Version: *version, Format: format, Seed: *seed})
	default:
		err = writeOne(*out, gen.Options{Version: *version, Channels: *channels, Format: format, Seed: *seed})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func writeOne(out string, opts gen.Options) error {
	if err := gen.Check(opts); err != nil {
		return err
	}
	data := gen.Generate(opts)
	if out == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// writeSet names files so that they match "*asyncapi*", the pattern editors
// use to pick the AsyncAPI schema: asyncapi-3.0.0-100.yaml.
func writeSet(dir string, format gen.Format, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ext := ".yaml"
	if format == gen.JSON {
		ext = ".json"
	}
	for _, v := range gen.Versions {
		for _, n := range []int{10, 100, 1000} {
			name := filepath.Join(dir, fmt.Sprintf("asyncapi-%s-%d%s", v, n, ext))
			if err := writeOne(name, gen.Options{Version: v, Channels: n, Format: format, Seed: seed}); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeWorkspace(dir string, opts gen.WorkspaceOptions) error {
	if dir == "-" {
		return fmt.Errorf("-workspace needs -o DIR")
	}
	if err := gen.CheckWorkspace(opts); err != nil {
		return err
	}
	for _, f := range gen.GenerateWorkspace(opts) {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
