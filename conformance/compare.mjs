// Compares the official AsyncAPI parser with `asyncapi-ls check --format json`,
// document by document: verdict (any error or none) and error lines.
//
//   node compare.mjs [--stricter FILE] [--ours-ms N] OURS.json FILE...
//
// OURS.json is the output of asyncapi-ls check for the same files. The parser
// gets the Avro and OpenAPI schema parsers, as the AsyncAPI CLI has them.
// Prints the agreement figures, every disagreement and both tools' time; exits
// 1 when a disagreement is not documented. Documented are: a document listed
// in the --stricter file (path under the corpus folder, a tab, the reason),
// and a test document of ours that we reject while the parser accepts it,
// when its markers (#@diag(..., code) or #@otherError(code)) announce every
// one of our errors: the test says why we are stricter.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { OpenAPISchemaParser } from '@asyncapi/openapi-schema-parser';

const args = process.argv.slice(2);
const stricter = new Map();
let oursMs;
while (args[0] === '--stricter' || args[0] === '--ours-ms') {
  if (args[0] === '--ours-ms') {
    oursMs = Number(args[1]);
  } else {
    for (const line of readFileSync(args[1], 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [path, reason] = line.split('\t');
      stricter.set(path, reason);
    }
  }
  args.splice(0, 2);
}
const [oursPath, ...files] = args;
const ours = new Map(JSON.parse(readFileSync(oursPath, 'utf8')).map(r => [resolve(r.file), r.diagnostics]));
const parser = new Parser({ schemaParsers: [AvroSchemaParser(), OpenAPISchemaParser()] });

// listedReason finds file in the --stricter list, whose paths are relative
// to the corpus folder.
function listedReason(file) {
  for (const [path, reason] of stricter) {
    if (resolve(file).endsWith(sep + path.split('/').join(sep))) return reason;
  }
  return undefined;
}

// announcedCodes lists the codes the markers of a test document expect.
function announcedCodes(text) {
  const codes = new Set();
  for (const m of text.matchAll(/#@(?:diag|diagAbove|diagBelow)\("(?:[^"\\]|\\.)*",\s*([\w.-]+)/g)) codes.add(m[1]);
  for (const m of text.matchAll(/#@otherError\(([\w.-]+)\)/g)) codes.add(m[1]);
  return codes;
}

let total = 0, agree = 0, documented = 0, theirErrors = 0, located = 0, skipped = 0, parserMs = 0;
const disagreements = [];
const notes = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const version = (text.match(/["']?asyncapi["']?\s*:\s*["']?([0-9.]+)/) || [])[1] || '';
  if (!version || version.startsWith('1.')) { skipped++; continue; }
  const start = performance.now();
  let diagnostics;
  try {
    ({ diagnostics } = await fromFile(parser, file).parse());
  } catch (e) {
    diagnostics = [{ severity: 0, code: 'exception', message: String(e), range: { start: { line: 0 }, end: { line: 0 } } }];
  }
  parserMs += performance.now() - start;
  const errors = diagnostics.filter(d => d.severity === 0);
  if (errors.length > 0 && errors.every(e => /https?:\/\//.test(e.message))) { skipped++; continue; } // network only
  const mine = (ours.get(resolve(file)) || []).filter(d => d.severity === 'error');
  total++;
  for (const e of errors) {
    theirErrors++;
    if (mine.some(d => d.line - 1 >= e.range.start.line && d.line - 1 <= e.range.end.line)) located++;
  }
  if ((errors.length === 0) === (mine.length === 0)) { agree++; continue; }
  const entry = { file, parser: errors.map(e => `${e.range.start.line + 1} [${e.code}] ${e.message}`), ours: mine.map(d => `${d.line} [${d.code}] ${d.message}`) };
  if (errors.length === 0) {
    const reason = listedReason(file);
    const announced = announcedCodes(text);
    if (reason !== undefined) {
      documented++;
      notes.push(`${file}: stricter on purpose: ${reason}`);
      continue;
    }
    if (announced.size > 0 && mine.every(d => announced.has(d.code))) {
      documented++;
      notes.push(`${file}: stricter on purpose, as its test expects: ${[...new Set(mine.map(d => d.code))].join(', ')}`);
      continue;
    }
  }
  disagreements.push(entry);
}
const pct = (a, b) => (100 * a / Math.max(b, 1)).toFixed(1);
console.log(`verdicts: ${agree + documented} of ${total} documents agree (${pct(agree + documented, total)}%): ${agree} the same, ${documented} stricter on purpose; ${skipped} skipped (1.x, network-only, not AsyncAPI)`);
console.log(`error locations: ${located} of ${theirErrors} parser errors have one of ours within their range (${pct(located, theirErrors)}%)`);
console.log(`official parser, parse calls only: ${parserMs.toFixed(0)} ms` +
  (oursMs > 0 ? `; ratio to asyncapi-ls's whole process: ${(parserMs / oursMs).toFixed(1)}x` : ''));
for (const n of notes) console.log(`  ${n}`);
for (const d of disagreements) {
  console.log(`\nDISAGREEMENT ${d.file}\n  parser:\n    ${d.parser.join('\n    ') || '(valid)'}\n  asyncapi-ls:\n    ${d.ours.join('\n    ') || '(valid)'}`);
}
process.exitCode = disagreements.length > 0 ? 1 : 0;
