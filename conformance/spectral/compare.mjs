// Compares asyncapi-ls's findings for a ruleset with Spectral's, as sets of
// (rule, file, line), for the rules the ruleset defines itself (the built-in
// rules have their own conformance run). A rule whose function is none of
// Spectral's core functions calls the ruleset's own JavaScript, which
// asyncapi-ls does not run (it says so once, on the ruleset): such rules are
// left out and named. Prints the agreement and every difference with its
// reason from differences.tsv; exits 1 when a difference has no reason
// there. NAME (the ruleset's file name by default) names the ruleset in the
// output and in differences.tsv. OURS.err, asyncapi-ls's standard error,
// holds the problems it found in the ruleset: each error is a difference
// too (Spectral accepted the ruleset), as rule "ruleset" in differences.tsv.
// With --javascript, prints the names of the rules left out, one a line.
//
//   node compare.mjs RULESET OURS.json SPECTRAL.json [NAME [OURS.err]]
//   node compare.mjs --javascript RULESET
import { readFileSync } from 'node:fs';
import { resolve, relative, basename, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('@stoplight/yaml');

const listJavascript = process.argv[2] === '--javascript';
const [rulesetPath, oursPath, theirsPath, rulesetName = basename(rulesetPath), oursErrPath] = process.argv.slice(listJavascript ? 3 : 2);
const coreFunctions = new Set(['truthy', 'falsy', 'defined', 'undefined', 'pattern', 'casing', 'length', 'enumeration',
  'alphabetical', 'xor', 'or', 'schema', 'unreferencedReusableObject', 'typedEnum']);
// The rules the ruleset defines, in its own file or a local file it extends;
// those calling JavaScript of the ruleset's own, with their functions.
const custom = new Set();
const javascript = new Map();
function collect(path, seen = new Set()) {
  if (seen.has(path)) return;
  seen.add(path);
  const ruleset = parse(readFileSync(path, 'utf8')) ?? {};
  for (const [name, def] of Object.entries(ruleset.rules ?? {})) {
    if (def === null || typeof def !== 'object' || !('then' in def)) continue;
    const own = [def.then].flat().map(t => t?.function).filter(f => typeof f === 'string' && !coreFunctions.has(f));
    if (own.length > 0) javascript.set(name, own.join(', '));
    else custom.add(name);
  }
  for (const ext of [ruleset.extends ?? []].flat(2)) {
    if (typeof ext === 'string' && (ext.startsWith('./') || ext.startsWith('../'))) collect(resolve(dirname(path), ext), seen);
  }
}
collect(resolve(rulesetPath));
if (listJavascript) {
  for (const name of javascript.keys()) console.log(name);
  process.exit(0);
}
const root = resolve(new URL('../..', import.meta.url).pathname);
const show = file => relative(root, file);

function key(rule, file, line) {
  return `${rule}\t${show(file)}\t${line}`;
}

const ours = new Set();
for (const result of JSON.parse(readFileSync(oursPath, 'utf8'))) {
  for (const d of result.diagnostics) {
    if (custom.has(d.code)) ours.add(key(d.code, resolve(result.file), d.line));
  }
}
const theirs = new Set();
let unplaced = 0;
const theirOutput = readFileSync(theirsPath, 'utf8');
for (const r of theirOutput.trim() === '' ? [] : JSON.parse(theirOutput)) {
  if (!custom.has(r.code)) continue;
  // Spectral gives findings in documents it reached through a reference it
  // could not map back (remote or unreadable files) no source, at line 1:
  // they cannot be compared.
  if (r.source === undefined) unplaced++;
  else theirs.add(key(r.code, r.source, r.range.start.line + 1));
}

// differences.tsv: ruleset, rule, file (a substring of the path, or *),
// which side reports it (ours/spectral/*), reason.
const known = readFileSync(new URL('differences.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter(l => l.trim() !== '' && !l.startsWith('#'))
  .map(l => {
    const [rs, rule, file, side, reason] = l.split('\t');
    return { rs, rule, file, side, reason };
  });
function reasonFor(rule, file, side) {
  const rs = rulesetName;
  const k = known.find(
    x =>
      (x.rs === '*' || x.rs === rs) &&
      (x.rule === '*' || x.rule === rule) &&
      (x.file === '*' || file.includes(x.file)) &&
      (x.side === '*' || x.side === side),
  );
  return k?.reason;
}

let same = 0;
const diffs = [];
for (const k of ours) (theirs.has(k) ? same++ : diffs.push(['ours', k]));
for (const k of theirs) if (!ours.has(k)) diffs.push(['spectral', k]);
const total = same + diffs.length;
const pct = total === 0 ? 100 : (100 * same) / total;
console.log(
  `${rulesetName}: ${same} of ${total} findings (rule, file, line) agree (${pct.toFixed(1)}%); ` +
    `only asyncapi-ls: ${diffs.filter(d => d[0] === 'ours').length}, only Spectral: ${diffs.filter(d => d[0] === 'spectral').length}` +
    (unplaced > 0 ? `; ${unplaced} Spectral findings without a file (through references it could not map back) not compared` : ''),
);
if (javascript.size > 0) {
  const list = [...javascript].map(([rule, fn]) => `${rule} (${fn})`).join(', ');
  console.log(`  not compared, calling the ruleset's own JavaScript: ${list}`);
}
let unexplained = 0;
for (const [side, k] of diffs.sort((a, b) => a[1].localeCompare(b[1]))) {
  const [rule, file, line] = k.split('\t');
  const reason = reasonFor(rule, file, side);
  if (!reason) unexplained++;
  console.log(`  only ${side === 'ours' ? 'asyncapi-ls' : 'Spectral'}: ${rule} ${file}:${line} — ${reason ?? 'UNEXPLAINED'}`);
}
// Errors asyncapi-ls found in the ruleset ("FILE:LINE:COL: error: MESSAGE
// [ruleset]"): parts of it that asyncapi-ls does not run.
const problems = oursErrPath ? readFileSync(oursErrPath, 'utf8').split('\n') : [];
for (const m of problems.map(l => /^(.*):(\d+):\d+: error: (.*) \[ruleset\]$/.exec(l)).filter(Boolean)) {
  const reason = reasonFor('ruleset', show(resolve(m[1])), 'ours');
  if (!reason) unexplained++;
  console.log(`  asyncapi-ls refuses, at line ${m[2]} of the ruleset: ${m[3]} — ${reason ?? 'UNEXPLAINED'}`);
}
console.log(`SUMMARY\t${rulesetName}\t${same}\t${total}\t${unexplained}`);
process.exit(unexplained > 0 ? 1 : 0);
