// A content-addressed record of what the official tools answered, so that a
// run (CI's above all) asks them again only about what changed.
//
// The official parser takes about a third of a second per document; asking
// it about every test document, the corpus and every converted output on
// each run cost CI several minutes for answers that only change when a
// document, a file it refers to, or the pinned tools change. A key is the
// SHA-256 of all of those: the tool's lockfile, the text asked about, and
// every local file reached through "$ref"s from it (transitively, by path
// and content). An entry is therefore never stale: a changed input is a
// different key, and a missing key means asking the tool.
//
// The record is a JSON-lines file committed beside the harness. Runs read
// it; `--record` (or CONFORMANCE_RECORD=1) writes the answers of misses
// back; `--no-cache` (or CONFORMANCE_CACHE=off) asks the tool about
// everything.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

// The "$ref" values of a YAML or JSON text, as written (quoted or not).
const refPattern = /["']?\$ref["']?\s*:\s*["']?([^"'\s#,}\]]*)/g;

// closure lists the local files text reaches through "$ref"s, transitively,
// as [path relative to base, content or null when missing], sorted.
function closure(text, from, base) {
  const seen = new Map();
  const names = new Map();
  const queue = [[text, from]];
  while (queue.length > 0) {
    const [t, dir] = queue.pop();
    for (const m of t.matchAll(refPattern)) {
      const target = m[1];
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // local pointer or remote URL
      const path = resolve(dir, decodeURI(target));
      if (seen.has(path)) continue;
      // An absolute path is named as written: relative to the base, it
      // would depend on where the checkout is.
      if (isAbsolute(decodeURI(target))) names.set(path, decodeURI(target));
      let content = null;
      try {
        content = readFileSync(path, 'utf8');
      } catch {
        // A missing file is part of the key too: creating it changes it.
      }
      seen.set(path, content);
      if (content !== null) queue.push([content, dirname(path)]);
    }
  }
  return [...seen].map(([p, c]) => [names.get(p) ?? relative(base, p), c]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export class ToolRecord {
  // file: the JSON-lines record; lockfile: the pinned tools' lockfile;
  // tool: a name kept apart in the key (two uses of one tool differ).
  constructor(file, lockfile, tool, argv = process.argv, env = process.env) {
    this.file = file;
    this.tool = tool;
    this.lock = createHash('sha256').update(readFileSync(lockfile)).digest('hex');
    this.use = !argv.includes('--no-cache') && env.CONFORMANCE_CACHE !== 'off';
    this.record = argv.includes('--record') || env.CONFORMANCE_RECORD === '1';
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
    this.added = 0;
    if (this.use && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        const { key, answer } = JSON.parse(line);
        this.entries.set(key, answer);
      }
    }
  }

  // key names the question: the text asked about, placed at source (its
  // "$ref"s are read relative to source's folder), with extra strings that
  // change the answer (a ruleset, an option).
  key(text, source, ...extra) {
    const h = createHash('sha256');
    const part = s => h.update(String(s.length)).update(':').update(s);
    part(this.tool);
    part(this.lock);
    part(text);
    for (const e of extra) part(e);
    const dir = dirname(resolve(source));
    for (const [path, content] of closure(text, dir, dir)) {
      part(path);
      part(content === null ? '\u0000missing' : content);
    }
    return h.digest('hex');
  }

  // answer returns the recorded answer to key, or asks (an async function)
  // and keeps what it says.
  async answer(key, ask) {
    if (this.use && this.entries.has(key)) {
      this.hits++;
      return this.entries.get(key);
    }
    this.misses++;
    const a = await ask();
    if (this.record && !this.entries.has(key)) {
      this.entries.set(key, a);
      this.added++;
    }
    return a;
  }

  // save writes the record back when recording (sorted by key, so a diff
  // shows only what was added) and prints how the run used it.
  save() {
    if (this.record && this.added > 0) {
      const lines = [...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, answer]) => JSON.stringify({ key, answer }));
      writeFileSync(this.file, lines.join('\n') + '\n');
    }
    if (!this.use) return;
    let line = `${this.tool}: ${this.hits} answers from ${relative(process.cwd(), this.file)}, ${this.misses} asked`;
    if (this.record) line += `, ${this.added} recorded`;
    else if (this.misses > 0) line += ' (`--record` keeps them)';
    console.log(line);
  }
}
