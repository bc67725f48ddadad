// Compares `asyncapi-ls convert` with the official converter
// (@asyncapi/converter, pinned in package.json), document by document.
//
//   node compare.mjs [--known FILE] [--ours-ms N] [--full] [--record|--no-cache] LIST
//
// LIST has one line per 2.x document: the input path, a tab, the path of
// our converted output (empty when we refused to convert it), a tab, the
// corpus folder the input belongs to. For each document: (a) the official
// parser (with the schema parsers the AsyncAPI CLI registers) must accept
// our output, read as if it stood where the input stands, unless it rejects
// the input too; (b) our output must equal the official converter's after
// normalisation: both parsed to data, key order ignored. Every difference
// must be listed in the --known file, one a line: document (path under its
// corpus folder, or *), JSON pointer (a segment may hold * for any
// characters; ** stands for any number of segments), kind (ours-only,
// theirs-only, value, invalid: the parser rejects our output there,
// theirs-throws, refused), a regular expression the difference's
// "ours => theirs" text (for invalid: the parser's message) must match
// (empty: any), and the reason. Prints the
// agreement figures and every unlisted difference; exits 1 when there is
// one. --full also asks the parser about every input and about the official
// converter's output (slower: for the figures of a report). The parser's
// answers come from parser-record.jsonl when it has them (../cache.mjs):
// --record adds new ones, --no-cache asks about all.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import yaml from 'js-yaml';
import { convert } from '@asyncapi/converter';
import { Parser } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { OpenAPISchemaParser } from '@asyncapi/openapi-schema-parser';
import { RamlDTSchemaParser } from '@asyncapi/raml-dt-schema-parser';
import { ProtoBuffSchemaParser } from '@asyncapi/protobuf-schema-parser';
import { ToolRecord } from '../cache.mjs';

const args = process.argv.slice(2);
let knownPath, oursMs, verbose = false, full = false;
while (args[0]?.startsWith('--')) {
  const flag = args.shift();
  if (flag === '--known') knownPath = args.shift();
  else if (flag === '--ours-ms') oursMs = Number(args.shift());
  else if (flag === '--verbose') verbose = true;
  else if (flag === '--full') full = true;
  else if (flag === '--record' || flag === '--no-cache') continue; // read by ToolRecord
  else throw new Error(`unknown flag ${flag}`);
}
const parser = new Parser({ schemaParsers: [AvroSchemaParser(), OpenAPISchemaParser(), RamlDTSchemaParser(), ProtoBuffSchemaParser()] });

// known: [{doc, pointer: [segment patterns], kind, match, reason}]
const known = [];
if (knownPath) {
  for (const line of readFileSync(knownPath, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [doc, pointer, kind, match, reason] = line.split('\t');
    if (!reason) throw new Error(`${knownPath}: a line needs document, pointer, kind, match and reason: ${line}`);
    const glob = seg => seg === '**' ? seg : new RegExp('^' + seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    known.push({ doc, text: pointer, pointer: pointer === '' ? [] : pointer.split('/').slice(1).map(seg => glob(seg.replace(/~1/g, '/').replace(/~0/g, '~'))), kind, match: match ? new RegExp(match) : undefined, reason, used: 0 });
  }
}

// segmentsMatch matches a pointer (unescaped segments) against patterns.
function segmentsMatch(pattern, path) {
  if (pattern.length === 0) return path.length === 0;
  const [p, ...rest] = pattern;
  if (p === '**') {
    for (let i = 0; i <= path.length; i++) if (segmentsMatch(rest, path.slice(i))) return true;
    return false;
  }
  return path.length > 0 && p.test(path[0]) && segmentsMatch(rest, path.slice(1));
}

function listed(doc, pointer, kind, text = '') {
  for (const k of known) {
    if ((k.doc === '*' || k.doc === doc) && k.kind === kind && segmentsMatch(k.pointer, pointer) && (!k.match || k.match.test(text))) {
      k.used++;
      return k;
    }
  }
  return undefined;
}

const esc = s => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = v => v !== null && typeof v === 'object' && !Array.isArray(v);

// diff lists where a and b differ: [pointer segments, kind] with kind
// ours-only, theirs-only or value.
function diff(a, b, path = [], out = []) {
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in b)) out.push([[...path, k], 'ours-only', a[k], undefined]);
      else if (!(k in a)) out.push([[...path, k], 'theirs-only', undefined, b[k]]);
      else diff(a[k], b[k], [...path, k], out);
    }
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diff(x, b[i], [...path, String(i)], out));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push([path, 'value', a, b]);
  }
  return out;
}

const load = text => (text.trimStart().startsWith('{') ? JSON.parse(text) : yaml.load(text));
const short = v => (v === undefined ? '(none)' : JSON.stringify(v).slice(0, 160));

// The parser's answers, recorded (../cache.mjs): asked only about texts
// whose answer is not in parser-record.jsonl yet.
const record = new ToolRecord(new URL('./parser-record.jsonl', import.meta.url).pathname,
  new URL('./package-lock.json', import.meta.url).pathname, 'parser (convert)');
let total = 0, refused = 0, inputValid = 0, oursValid = 0, oursValidOfValid = 0, theirsValidOfValid = 0;
let identical = 0, documented = 0, theirsThrew = 0, parserMs = 0, officialMs = 0;
const problems = [];
const seen = new Set();
const [listPath] = args;
for (const line of readFileSync(listPath, 'utf8').split('\n')) {
  if (!line) continue;
  const [input, oursPath, corpus] = line.split('\t');
  const doc = relative(corpus, input);
  seen.add(doc);
  total++;
  const text = readFileSync(input, 'utf8');
  // The parser's errors about a text read as if it stood where the input
  // stands: their paths and messages (which the known list matches).
  const errorsOf = t => record.answer(record.key(t, input), async () => {
    const start = performance.now();
    const { diagnostics } = await parser.parse(t, { source: resolve(input) });
    parserMs += performance.now() - start;
    return diagnostics.filter(d => d.severity === 0 && !/getaddrinfo|ECONNREFUSED|FetchError/.test(d.message))
      .map(d => ({ path: d.path, message: d.message }));
  });
  // Without --full the input is asked about only when our output has
  // errors, to tell whether they came with it.
  let validIn;
  const inputIsValid = async () => {
    if (validIn === undefined) {
      validIn = (await errorsOf(text)).length === 0;
      if (validIn) inputValid++;
    }
    return validIn;
  };
  if (full) await inputIsValid();
  let theirs, theirsError;
  const start = performance.now();
  const warn = console.warn;
  console.warn = () => {};
  try {
    const c = convert(text, '3.0.0');
    theirs = typeof c === 'string' ? yaml.load(c) : c;
  } catch (e) {
    theirsError = String(e).split('\n')[0];
    theirsThrew++;
  } finally {
    console.warn = warn;
  }
  officialMs += performance.now() - start;
  if (!oursPath) {
    refused++;
    const k = listed(doc, [], 'refused');
    if (!k) problems.push(`${doc}: we refused to convert it (the official converter ${theirsError ? 'throws: ' + theirsError : 'converts it'})`);
    else documented++;
    continue;
  }
  const oursText = readFileSync(oursPath, 'utf8');
  const ours = load(oursText);
  const outErrors = await errorsOf(oursText);
  if (outErrors.length === 0) oursValid++;
  if (outErrors.length > 0) await inputIsValid();
  if (validIn && outErrors.length === 0) oursValidOfValid++;
  let theirsValid = false;
  if (full && validIn && theirs !== undefined) {
    theirsValid = (await errorsOf(JSON.stringify(theirs))).length === 0;
    if (theirsValid) theirsValidOfValid++;
  }
  const docProblems = [];
  if (validIn && outErrors.length > 0) {
    for (const e of outErrors) {
      const k = listed(doc, e.path.map(String), 'invalid', e.message);
      if (!k) docProblems.push(`the parser rejects our output: /${e.path.map(esc).join('/')}: ${e.message}`);
    }
  }
  if (theirs === undefined) {
    if (!listed(doc, [], 'theirs-throws')) docProblems.push(`the official converter throws: ${theirsError}`);
  } else {
    for (const [path, kind, a, b] of diff(ours, theirs)) {
      if (!listed(doc, path, kind, `${short(a)} => ${short(b)}`)) docProblems.push(`/${path.map(esc).join('/')} (${kind}): ours ${short(a)}, theirs ${short(b)}`);
    }
  }
  const same = theirs !== undefined && diff(ours, theirs).length === 0;
  if (same) identical++;
  else if (docProblems.length === 0) documented++;
  if (verbose || docProblems.length > 0) {
    const head = `${doc}: input ${validIn === undefined ? 'not asked' : validIn ? 'valid' : 'invalid'}, ours ${outErrors.length === 0 ? 'valid' : 'invalid'}, ${same ? 'identical' : 'differs'}`;
    problems.push([head, ...docProblems.map(p => '    ' + p)].join('\n'));
  }
}
for (const p of problems) console.log(p);
const unused = known.filter(k => k.used === 0 && seen.has(k.doc));
for (const k of unused) console.log(`listed difference no longer seen: ${k.doc} ${k.text} ${k.kind}`);
const pct = (a, b) => (b ? `${(100 * a / b).toFixed(1)}%` : '-');
console.log(`2.x documents: ${total}; converted: ${total - refused}`);
console.log(`the parser accepts our output: ${oursValid}/${total - refused}`);
if (full) console.log(`the parser accepts the input: ${inputValid}; of those, our output: ${oursValidOfValid}/${inputValid}, the official converter's: ${theirsValidOfValid}/${inputValid}`);
console.log(`agreement with the official converter: ${identical} identical, ${documented} with listed differences only, ${total - identical - documented} with unlisted ones; ${pct(identical + documented, total)} accounted for (${pct(identical, total)} identical); the official converter throws on ${theirsThrew}`);
if (oursMs !== undefined) console.log(`time: official converter ${officialMs.toFixed(0)} ms in-process; asyncapi-ls convert ${oursMs} ms in processes; parser ${parserMs.toFixed(0)} ms (${record.misses} texts asked)`);
record.save();
process.exit(problems.some(p => p.includes('\n    ')) || unused.length > 0 ? 1 : 0);
