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
		case "docs":
			return runDocs(args[1:], stdout, stderr)
		case "preview":
			return runPreview(args[1:], stdout, stderr)
		case "rules":
			return runListRules(args[1:], stdout, stderr)
		case "convert":
			return runConvert(args[1:], stdout, stderr)
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
  asyncapi-ls [--stdio] [--log-file PATH] [--log-level LEVEL] [--cpu-profile PATH] [--mem-profile PATH]
      Serve the Language Server Protocol on stdin/stdout.
  asyncapi-ls check [--format text|json|sarif|github] [--fail-level error|warning|info] [--ruleset FILE] [--strict] [--max-document-mb N] [--max-nodes N] PATH...
      Print the diagnostics of AsyncAPI documents (files or folders), the
      same as the editor shows, as file:line:col: severity: message [code]
      (text), JSON, SARIF 2.1.0 or GitHub workflow annotations. The nearest
      .asyncapi-ls.yaml (rules: {code: off|hint|info|warning|error},
      strict: true|false, ignore: [globs], ruleset: FILE) applies, and a
      Spectral ruleset: --ruleset, else ruleset:, else the nearest
      .spectral.yaml/.yml/.json. An error is what the official AsyncAPI
      parser rejects too; --strict (or strict: true) also makes errors of what
      the specification requires but the parser does not check, warnings
      otherwise. A document over 24 MiB or 1,700,000 keys and values gets
      one document-too-large error (--max-document-mb, --max-nodes raise it).
      Exit status: 0 nothing at or above the fail level (default error), 1
      otherwise, 2 usage, I/O or configuration error.
  asyncapi-ls convert [--to 3.0.0|3.1.0] [--perspective application|client] [-o OUT | -w] [--no-check] FILE
      Convert an AsyncAPI 2.0–2.6 document to 3.0.0 (or 3.1.0), and 3.0.0
      to 3.1.0, as the official converter does, keeping comments, key order,
      blank lines and quoting; YAML stays YAML, JSON stays JSON. Writes to
      stdout, to OUT, or back into FILE (-w). Notes about what could not be
      carried over, and the errors the converted document still has, go to
      stderr. Exit status: 0 converted, 1 converted with errors left, 2
      usage, I/O or a document that cannot be converted.
  asyncapi-ls docs [-o OUT.html] FILE
      Write the documentation page of a document: one self-contained HTML
      file (servers, channels, operations, messages and schemas, and the
      event-flow picture), nothing fetched from the network.
  asyncapi-ls preview [--port N] FILE
      Serve that page on 127.0.0.1 (the URL carries a secret token) and
      refresh it when the file, or a file it references, changes.
  asyncapi-ls rules [--format text|json]
      List the rules: code, default level, whether the official parser
      enforces it, versions, description.
  asyncapi-ls version
      Print the version.

Flags for serving:
  --stdio            speak LSP on stdin/stdout (the default)
  --log-file PATH    write logs to PATH instead of stderr
  --log-level LEVEL  debug, info, warn or error (default info)
  --cpu-profile PATH write a CPU profile of the session to PATH (for benchmarks)
  --mem-profile PATH write a heap profile to PATH when the session ends
`
