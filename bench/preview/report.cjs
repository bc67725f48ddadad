// Prints the comparison table of run.sh from its results folder.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const [dir, ...sizes] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const counts = (kind, page) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'count.cjs'), kind, page], { encoding: 'utf8' }));
const mb = (bytes) => (bytes / 1e6).toFixed(1) + ' MB';
const ms = (x) => (x >= 1000 ? (x / 1000).toFixed(2) + ' s' : x.toFixed(0) + ' ms');

console.log('| channels | tool | wall (median) | peak memory | page | channels / operations / messages shown |');
console.log('|---|---|---|---|---|---|');
for (const n of sizes) {
  const ours = read(`ours-${n}.json`);
  const official = read(`official-${n}.json`);
  const oursPage = path.join(dir, `ours-${n}.html`);
  const offPage = path.join(dir, `official-${n}`, 'index.html');
  const oc = counts('ours', oursPage);
  const fc = fs.existsSync(offPage) ? counts('official', offPage) : null;
  const row = (r, page, c) => `| ${n} | ${r.name} | ${r.error ? 'failed: ' + r.error : ms(r.wall_ms.p50)} | ${r.max_rss_mb.toFixed(0)} MB | ${fs.existsSync(page) ? mb(fs.statSync(page).size) : '-'} | ${c ? `${c.channels} / ${c.operations} / ${c.messages}${c.messagesSection !== undefined ? ` (Messages section: ${c.messagesSection})` : ''}` : '-'} |`;
  console.log(row(ours, oursPage, oc));
  console.log(row(official, offPage, fc));
  const agree = fc && oc.channels === fc.channels && oc.operations === fc.operations && oc.messages === fc.messages;
  const ratio = official.wall_ms && !official.error ? (official.wall_ms.p50 / ours.wall_ms.p50).toFixed(1) + '×' : '-';
  console.log(`| ${n} | **ours vs official** | ${ratio} faster | | | counts ${agree ? 'agree' : 'differ'} |`);
}
