// Compares the official AsyncAPI parser with `asyncapi-ls check --format json`,
// document by document: verdict (any error or none) and error lines.
//
//   node compare.mjs OURS.json FILE...
//
// OURS.json is the output of asyncapi-ls check for the same files. Prints the
// agreement figures, every disagreement, and both tools' time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser, fromFile } from '@asyncapi/parser';

const [oursPath, ...files] = process.argv.slice(2);
const ours = new Map(JSON.parse(readFileSync(oursPath, 'utf8')).map(r => [resolve(r.file), r.diagnostics]));
const parser = new Parser();

let total = 0, agree = 0, theirErrors = 0, located = 0, skipped = 0, parserMs = 0;
const disagreements = [];
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
  if ((errors.length === 0) === (mine.length === 0)) agree++;
  else disagreements.push({ file, parser: errors.map(e => `${e.range.start.line + 1} [${e.code}] ${e.message}`), ours: mine.map(d => `${d.line} [${d.code}] ${d.message}`) });
  for (const e of errors) {
    theirErrors++;
    if (mine.some(d => d.line - 1 >= e.range.start.line && d.line - 1 <= e.range.end.line)) located++;
  }
}
const pct = (a, b) => (100 * a / Math.max(b, 1)).toFixed(1);
console.log(`verdicts: ${agree} of ${total} documents agree (${pct(agree, total)}%); ${skipped} skipped (1.x, network-only, not AsyncAPI)`);
console.log(`error locations: ${located} of ${theirErrors} parser errors have one of ours within their range (${pct(located, theirErrors)}%)`);
console.log(`official parser: ${parserMs.toFixed(0)} ms`);
for (const d of disagreements) {
  console.log(`\n${d.file}\n  parser:\n    ${d.parser.join('\n    ') || '(valid)'}\n  asyncapi-ls:\n    ${d.ours.join('\n    ') || '(valid)'}`);
}
process.exitCode = disagreements.length > 0 ? 1 : 0;
