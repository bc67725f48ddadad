// Command asyncapi-ls is the AsyncAPI language server (LSP over stdio) and its
// command-line checker. It wires flags, logging and the process exit code;
// all behaviour lives in server/ and analysis/.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "check":
			return runCheck(args[1:], stdout, stderr)
		case "rules":
			return runListRules(stdout)
		case "version", "--version", "-version":
			fmt.Fprintln(stdout, "asyncapi-ls", version)
			return 0
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return runServe(args, stdin, stdout, stderr)
}

const usage = `asyncapi-ls — a language server for AsyncAPI 2.0–3.1 documents (YAML and JSON)

Usage:
  asyncapi-ls [--stdio] [--log-file PATH] [--log-level LEVEL]
      Serve the Language Server Protocol on stdin/stdout.
  asyncapi-ls check [--format text|json|sarif|github] [--fail-level error|warning|info] [--ruleset FILE] PATH...
      Print the diagnostics of AsyncAPI documents (files or folders), the
      same as the editor shows, as file:line:col: severity: message [code]
      (text), JSON, SARIF 2.1.0 or GitHub workflow annotations. The nearest
      .asyncapi-ls.yaml (rules: {code: off|hint|info|warning|error},
      ignore: [globs], ruleset: FILE) applies, and a Spectral ruleset:
      --ruleset, else ruleset:, else the nearest .spectral.yaml/.yml/.json.
      Exit status: 0 nothing at or above the fail
      level (default error), 1 otherwise, 2 usage, I/O or configuration error.
  asyncapi-ls rules
      List the rules: code, default level, versions, description.
  asyncapi-ls version
      Print the version.

Flags for serving:
  --stdio            speak LSP on stdin/stdout (the default)
  --log-file PATH    write logs to PATH instead of stderr
  --log-level LEVEL  debug, info, warn or error (default info)
`
