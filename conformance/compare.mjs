// Compares the official AsyncAPI parser with `asyncapi-ls check --format json`,
// document by document: verdict (any error or none) and error lines (in the
// file the parser names: for content a reference brings in, our errors'
// origin).
//
//   node compare.mjs [--stricter FILE] [--ours-ms N] [--summary FILE] [--unlocated] [--record|--no-cache] OURS.json FILE...
//
// OURS.json is the output of asyncapi-ls check for the same files. The parser
// gets the Avro, OpenAPI, RAML and Protobuf schema parsers, registered as the
// AsyncAPI CLI registers them. Prints the agreement figures, every
// disagreement and both tools' time; exits 1 when a disagreement is not
// documented. Documented is a document listed in the --stricter file (path
// under the corpus folder, a tab, the reason): a parser bug we can show.
// --summary appends one tab-separated line of figures to FILE (run.sh prints
// them as a table); --unlocated lists every parser error none of ours is
// within. The parser's answers come from parser-record.jsonl when it has
// them (cache.mjs): --record adds new ones, --no-cache asks about all.
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { OpenAPISchemaParser } from '@asyncapi/openapi-schema-parser';
import { RamlDTSchemaParser } from '@asyncapi/raml-dt-schema-parser';
import { ProtoBuffSchemaParser } from '@asyncapi/protobuf-schema-parser';
import { ToolRecord } from './cache.mjs';

const args = process.argv.slice(2);
const stricter = new Map();
let oursMs, summary, unlocated = false;
while (args[0]?.startsWith('--')) {
  const flag = args.shift();
  if (flag === '--unlocated') {
    unlocated = true;
    continue;
  }
  if (flag === '--record' || flag === '--no-cache') continue; // read by ToolRecord
  const value = args.shift();
  if (flag === '--ours-ms') {
    oursMs = Number(value);
  } else if (flag === '--summary') {
    summary = value;
  } else if (flag === '--stricter') {
    for (const line of readFileSync(value, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [path, reason] = line.split('\t');
      stricter.set(path, reason);
    }
  } else {
    throw new Error(`unknown flag ${flag}`);
  }
}
const [oursPath, ...files] = args;
const ours = new Map(JSON.parse(readFileSync(oursPath, 'utf8')).map(r => [resolve(r.file), r.diagnostics]));
// As the AsyncAPI CLI sets its parser up (its validate and other commands).
const parser = new Parser({ __unstable: { resolver: { cache: false } } });
parser.registerSchemaParser(AvroSchemaParser());
parser.registerSchemaParser(OpenAPISchemaParser());
parser.registerSchemaParser(RamlDTSchemaParser());
parser.registerSchemaParser(ProtoBuffSchemaParser());

// listedReason finds file in the --stricter list, whose paths are relative
// to the corpus folder.
function listedReason(file) {
  for (const [path, reason] of stricter) {
    if (resolve(file).endsWith(sep + path.split('/').join(sep))) return reason;
  }
  return undefined;
}

// The parser's errors about file, as the record keeps them: code, lines
// (1-based), the file they are in when another one (relative to file's
// folder), whether they are about a reference it could not fetch, and the
// message only for a run that asks (the record holds no tool's wording).
const record = new ToolRecord(new URL('./parser-record.jsonl', import.meta.url).pathname,
  new URL('./package-lock.json', import.meta.url).pathname, 'parser');
async function parserErrors(file) {
  const start = performance.now();
  let diagnostics;
  try {
    ({ diagnostics } = await fromFile(parser, file).parse());
  } catch (e) {
    diagnostics = [{ severity: 0, code: 'exception', message: String(e), range: { start: { line: 0 }, end: { line: 0 } } }];
  }
  parserMs += performance.now() - start;
  return diagnostics.filter(d => d.severity === 0).map(d => {
    const e = { code: String(d.code), start: d.range.start.line + 1, end: d.range.end.line + 1 };
    if (d.source && resolve(d.source) !== resolve(file)) e.source = relative(dirname(resolve(file)), resolve(d.source));
    // A reference the parser could not fetch (asyncapi-ls fetches remote
    // ones only on request): the verdict depends on the network, and so
    // do the errors about what the reference should have brought in.
    if (/https?:\/\//.test(d.message)) e.network = true;
    Object.defineProperty(e, 'message', { value: d.message, enumerable: false });
    return e;
  });
}

let total = 0, agree = 0, documented = 0, theirErrors = 0, located = 0, skipped = 0, parserMs = 0;
const disagreements = [];
const notes = [];
const missed = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  // The version, also when the document is a JSON text inside a string.
  const version = (text.match(/\\?["']?asyncapi\\?["']?\s*:\s*\\?["']?([0-9.]+)/) || [])[1] || '';
  if (!version || version.startsWith('1.')) { skipped++; continue; }
  const errors = await record.answer(record.key(text, file), () => parserErrors(file));
  const mine = (ours.get(resolve(file)) || []).filter(d => d.severity === 'error');
  if (errors.some(e => e.network)) { skipped++; continue; }
  total++;
  for (const e of errors) {
    theirErrors++;
    // An error in content a reference brings in from another file is
    // located when one of ours has its origin there.
    const other = e.source ? resolve(dirname(file), e.source) : undefined;
    const within = line => line >= e.start && line <= e.end;
    if (mine.some(d => other ? d.origin && resolve(d.origin.file) === other && within(d.origin.line) : within(d.line))) {
      located++;
    } else {
      missed.push(`${file}:${e.start}-${e.end} [${e.code}]${e.message ? ' ' + e.message : ''}`);
    }
  }
  if ((errors.length === 0) === (mine.length === 0)) { agree++; continue; }
  const entry = { file, parser: errors.map(e => `${e.start} [${e.code}]${e.message ? ' ' + e.message : ''}`), ours: mine.map(d => `${d.line} [${d.code}] ${d.message}`) };
  const reason = listedReason(file);
  if (reason !== undefined) {
    documented++;
    notes.push(`${file}: listed: ${reason}`);
    continue;
  }
  disagreements.push(entry);
}
const pct = (a, b) => (100 * a / Math.max(b, 1)).toFixed(1);
console.log(`verdicts: ${agree + documented} of ${total} documents agree (${pct(agree + documented, total)}%): ${agree} the same, ${documented} listed; ${skipped} skipped (1.x, not AsyncAPI, or a reference the parser could not fetch)`);
console.log(`error locations: ${located} of ${theirErrors} parser errors have one of ours within their range (${pct(located, theirErrors)}%)`);
if (oursMs > 0) console.log(`official parser, parse calls only: ${parserMs.toFixed(0)} ms; ratio to asyncapi-ls's whole process: ${(parserMs / oursMs).toFixed(1)}x`);
if (summary) appendFileSync(summary, [total, agree, documented, disagreements.length, theirErrors, located].join('\t') + '\n');
for (const n of notes) console.log(`  ${n}`);
if (unlocated) for (const m of missed) console.log(`UNLOCATED ${m}`);
for (const d of disagreements) {
  console.log(`\nDISAGREEMENT ${d.file}\n  parser:\n    ${d.parser.join('\n    ') || '(valid)'}\n  asyncapi-ls:\n    ${d.ours.join('\n    ') || '(valid)'}`);
}
record.save();
process.exitCode = disagreements.length > 0 ? 1 : 0;
