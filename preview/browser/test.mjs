// The preview in a real browser: Debian's Chromium driven by playwright-core
// loads the static page (asyncapi-ls docs), the live page of the preview
// command, and the live page of the language server's asyncapi.preview, for
// a 2.6, a 3.0 and a 3.1 document, and checks what a reader sees: the title,
// a server, a channel, an operation with its direction, a payload property,
// the event-flow picture's boxes and arrows, the filter box, no console
// errors; that edits (of the file, and of the LSP buffer) reach the open
// page; and that the hostile document runs nothing.
//
//   ASYNCAPI_LS_BIN=/path/to/asyncapi-ls node --test test.mjs
//
// Screenshots go to ASYNCAPI_LS_SCREENSHOTS when it is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const testdata = join(here, '..', 'testdata');
const BIN = process.env.ASYNCAPI_LS_BIN;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = Number(process.env.ASYNCAPI_LS_WAIT_MS || 15000);
const SHOTS = process.env.ASYNCAPI_LS_SCREENSHOTS;

// What each test document must show.
const DOCS = [
  {
    file: 'streetlights-2.6.yaml', title: 'Streetlights API', server: 'production', protocol: 'mqtt',
    channel: 'smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured',
    operation: 'receiveLightMeasurement', action: 'receive', property: 'lumens', channels: 2, arrows: 2,
    filter: 'dim', filtered: 1,
  },
  {
    file: 'chat-3.0.yaml', title: 'Chat Service', server: 'public', protocol: 'wss', channel: 'rooms/{roomId}',
    operation: 'sendSaid', action: 'send', property: 'text', channels: 1, arrows: 3, filter: 'joined', filtered: 1,
  },
  {
    file: 'payments-3.1.yaml', title: 'Payments', server: 'kafka', protocol: 'kafka', channel: 'payments.requests',
    operation: 'handlePayment', action: 'receive', property: 'currency', channels: 2, arrows: 2, filter: 'zzz-nothing', filtered: 0,
  },
];

const tmp = mkdtempSync(join(tmpdir(), 'asyncapi-preview-browser-'));
let browser;

async function newPage() {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT);
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems, requests };
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

// The checks every page of a test document passes.
async function checkPage(page, doc, problems) {
  assert.equal((await page.locator('h1').innerText()).split('\n')[0].trim().startsWith(doc.title), true, 'title');
  const server = page.locator('article.server', { has: page.locator('h3', { hasText: doc.server }) });
  await server.waitFor();
  assert.match((await server.innerText()).toLowerCase(), new RegExp(doc.protocol));
  const channel = page.locator('article.channel', { has: page.locator('h3', { hasText: doc.channel }) }).first();
  await channel.waitFor();
  const op = channel.locator('.op', { has: page.locator('.op-name', { hasText: doc.operation }) });
  assert.equal(await op.count(), 1, `operation ${doc.operation} under ${doc.channel}`);
  assert.equal((await op.locator('.badge').innerText()).toLowerCase(), doc.action);
  // A payload property, in a message's schema tree.
  assert.ok(await page.locator('#messages .pname', { hasText: doc.property }).count() > 0, `payload property ${doc.property}`);
  // The picture: one box per channel and the application, arrows with heads.
  const svg = page.locator('#flow svg.flow').first();
  await svg.waitFor();
  assert.equal(await svg.locator('a.fl-node.fl-app').count(), 1, 'the application box');
  assert.equal(await svg.locator('a.fl-node:not(.fl-app)').count(), doc.channels, 'channel boxes');
  assert.equal(await svg.locator('a.fl-arrow line[marker-end]').count(), doc.arrows, 'arrows');
  const box = await svg.locator('a.fl-node:not(.fl-app)').first().boundingBox();
  assert.ok(box && box.width > 100 && box.height > 20, `channel boxes are drawn: ${JSON.stringify(box)}`);
  // A box links to its channel's section, which exists.
  const href = await svg.locator('a.fl-node:not(.fl-app)').first().getAttribute('href');
  assert.equal(await page.locator(href).count(), 1, `${href} leads to a section`);
  // The filter box.
  await page.fill('#filter', doc.filter);
  await page.waitForFunction(() => document.getElementById('filter-status').textContent !== '');
  const visible = await page.locator('article.channel:not([data-hidden])').count();
  assert.equal(visible, doc.filtered, `channels left by the filter "${doc.filter}"`);
  assert.match(await page.locator('#filter-status').innerText(), new RegExp(`^${doc.filtered} of \\d+ channels`));
  await page.fill('#filter', '');
  await page.waitForFunction(() => document.getElementById('filter-status').textContent === '');
  // Schemas named in another: opening one fills it in from its section.
  const lazy = page.locator('details.snode.lazy').first();
  if (await lazy.count()) {
    await lazy.locator('summary').first().click();
    await page.waitForFunction((el) => el.hasAttribute('data-filled'), await lazy.elementHandle());
  }
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
  assert.deepEqual(problems, [], 'no console errors');
}

function run(args, opts = {}) {
  return execFileSync(BIN, args, { encoding: 'utf8', ...opts });
}

// `asyncapi-ls preview FILE`: resolves with { url, stop }.
function startPreview(file) {
  const proc = spawn(BIN, ['preview', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from asyncapi-ls preview:\n${out}`)), WAIT);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S+/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => proc.kill('SIGTERM'), proc });
      }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (code) => reject(new Error(`asyncapi-ls preview exited ${code}:\n${out}`)));
  });
}

// A minimal LSP client over stdio (Content-Length framing).
function lspClient() {
  const proc = spawn(BIN, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = Buffer.alloc(0);
  let next = 0;
  const pending = new Map();
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  proc.stdout.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())[1]);
      if (buf.length < end + 4 + len) return;
      const msg = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString());
      buf = buf.subarray(end + 4 + len);
      if (msg.method && msg.id !== undefined) {
        // Requests from the server: configuration gets empty sections.
        const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null;
        send({ id: msg.id, result });
      } else if (msg.id !== undefined && pending.has(msg.id)) {
        const { resolve, reject } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) reject(new Error(JSON.stringify(msg.error)));
        else resolve(msg.result);
      }
    }
  });
  return {
    proc,
    request: (method, params) => new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      send({ id, method, params });
    }),
    notify: (method, params) => send({ method, params }),
  };
}

test('the preview in Chromium', { timeout: 300000 }, async (t) => {
  assert.ok(BIN && existsSync(BIN), 'set ASYNCAPI_LS_BIN to the asyncapi-ls binary');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing (apt-get install chromium)`);
  const stops = [];
  t.after(async () => {
    for (const stop of stops) stop();
    await browser?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const doc of DOCS) {
    await t.test(`static page: ${doc.file}`, async () => {
      const out = join(tmp, doc.file + '.html');
      run(['docs', '-o', out, join(testdata, doc.file)]);
      const { page, problems, requests } = await newPage();
      await page.goto(pathToFileURL(out).href);
      await checkPage(page, doc, problems);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the static page fetches nothing');
      await shot(page, `static-${doc.file}`);
      await page.close();
    });

    await t.test(`live page (asyncapi-ls preview): ${doc.file}`, async () => {
      // A copy, edited below; the 3.1 document needs the file it references.
      const dir = mkdtempSync(join(tmp, 'live-'));
      const file = join(dir, doc.file);
      copyFileSync(join(testdata, doc.file), file);
      copyFileSync(join(testdata, 'payments-shared.yaml'), join(dir, 'payments-shared.yaml'));
      const live = await startPreview(file);
      stops.push(live.stop);
      const { page, problems, requests } = await newPage();
      const tokenless = live.url.replace(/\/[A-Za-z0-9_-]{20,}\//, '/');
      assert.equal((await fetch(tokenless)).status, 403, 'a URL without the token is refused');
      await page.goto(live.url);
      await checkPage(page, doc, problems);
      // The file changes on disk: the open page follows, in place.
      await page.evaluate(() => { window.__samePage = true; });
      writeFileSync(file, readFileSync(file, 'utf8').replace(`title: ${doc.title}`, `title: ${doc.title} (edited)`));
      await page.locator('h1', { hasText: `${doc.title} (edited)` }).waitFor();
      assert.equal(await page.evaluate(() => window.__samePage), true, 'updated without a reload');
      const origin = new URL(live.url).origin;
      assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'the live page talks to its server only');
      assert.deepEqual(problems, [], 'no console errors');
      await shot(page, `live-${doc.file}`);
      await page.close();
      live.stop();
    });
  }

  await t.test('live page of the language server follows the unsaved buffer', async () => {
    const lsp = lspClient();
    stops.push(() => lsp.proc.kill('SIGKILL'));
    await lsp.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    lsp.notify('initialized', {});
    const doc = DOCS[1];
    const uri = pathToFileURL(join(testdata, doc.file)).href;
    const text = readFileSync(join(testdata, doc.file), 'utf8');
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const { url } = await lsp.request('workspace/executeCommand', { command: 'asyncapi.preview', arguments: [uri, { open: false }] });
    const { page, problems } = await newPage();
    await page.goto(url);
    await checkPage(page, doc, problems);
    await page.evaluate(() => { window.__samePage = true; });
    let version = 1;
    for (const title of ['Chat Service (typing', 'Chat Service (typing…)']) {
      lsp.notify('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ text: text.replace('title: Chat Service', `title: ${title}`) }],
      });
      await page.locator('h1', { hasText: title }).waitFor();
    }
    // A buffer that does not parse keeps the last page, with a note.
    lsp.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: 'asyncapi: 3.0.0\ninfo: [\n' }] });
    await page.locator('.problem', { hasText: 'last version that parsed' }).waitFor();
    assert.match(await page.locator('h1').innerText(), /Chat Service \(typing…\)/);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'updated without a reload');
    assert.deepEqual(problems, [], 'no console errors');
    await shot(page, 'lsp-live');
    await lsp.request('shutdown', null);
    lsp.notify('exit', null);
    await page.close();
  });

  await t.test('the hostile document runs nothing, loads nothing, links nowhere bad', async () => {
    const out = join(tmp, 'xss.html');
    run(['docs', '-o', out, join(testdata, 'xss.yaml')]);
    const live = await startPreview(join(testdata, 'xss.yaml'));
    stops.push(live.stop);
    for (const url of [pathToFileURL(out).href, live.url]) {
      const { page, problems, requests } = await newPage();
      await page.goto(url);
      // Open everything, so that nothing hidden escapes the checks.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.locator('#flow svg a').first().hover();
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
      const found = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        badLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction'))
          .filter((u) => !/^(https?:\/\/|mailto:|#)/i.test(u.trim())),
        media: document.querySelectorAll('img, iframe, object, embed, video, audio, image').length,
        title: document.title,
      }));
      assert.equal(found.scripts, 1, 'only the page\'s own script');
      assert.deepEqual(found.handlers, [], 'no inline event handlers');
      assert.deepEqual(found.badLinks, [], 'links are http(s), mailto or anchors only');
      assert.equal(found.media, 0, 'no images or frames');
      assert.match(found.title, /<script>/, 'the hostile title shows as text');
      const origin = url.startsWith('file:') ? 'file:' : new URL(url).origin;
      assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'nothing fetched');
      assert.deepEqual(problems, [], 'no dialogs or errors');
      await shot(page, url.startsWith('file:') ? 'xss-static' : 'xss-live');
      await page.close();
    }
    live.stop();
  });
});
