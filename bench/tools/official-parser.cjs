// Parses and validates one AsyncAPI file with the official JavaScript parser
// (@asyncapi/parser, installed by bench/peers.sh) and prints one JSON line:
// {"file", "diagnostics", "errors", "elapsed_ms"}. elapsed_ms covers parsing
// and validation only; the process's own start-up is timed by the caller.
'use strict';

const path = require('path');

const peers = process.env.BENCH_PEERS || path.join(__dirname, '..', 'peers', 'node_modules');
const { Parser, fromFile } = require(require.resolve('@asyncapi/parser', { paths: [peers] }));

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node official-parser.cjs FILE');
    process.exit(2);
  }
  const parser = new Parser();
  const start = process.hrtime.bigint();
  // fromFile lets relative file $refs resolve against the file's folder.
  const { document, diagnostics } = await fromFile(parser, path.resolve(file)).parse();
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  const errors = diagnostics.filter((d) => d.severity === 0).length;
  console.log(JSON.stringify({
    file,
    valid: document !== undefined,
    diagnostics: diagnostics.length,
    errors,
    elapsed_ms: Math.round(elapsedMs * 10) / 10,
  }));
  if (process.env.BENCH_VERBOSE) {
    for (const d of diagnostics) {
      console.error(`${d.severity} ${d.code} ${JSON.stringify(d.path)} ${d.message}`);
    }
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
