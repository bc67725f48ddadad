// The preview webview's HTML and the messages it relays (src/previewHtml.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { previewHtml, originOf, parseReveal, externalPageUrl } = require('../dist/lib/previewHtml.js');

const url = 'http://127.0.0.1:43123/TOKEN123/d/1/';

test('the webview frames the page and allows nothing else', () => {
  const html = previewHtml(url, 'NONCE', 'Preview api.yaml');
  assert.match(html, /<iframe id="page" src="http:\/\/127\.0\.0\.1:43123\/TOKEN123\/d\/1\/"/);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-src http:\/\/127\.0\.0\.1:43123(;|$)/);
  assert.match(csp, /script-src 'nonce-NONCE'/);
  assert.doesNotMatch(csp, /unsafe/);
  // Every script carries the nonce.
  for (const tag of html.match(/<script[^>]*>/g)) assert.equal(tag, '<script nonce="NONCE">');
  // Messages are taken from the frame's origin only.
  assert.ok(html.includes('e.origin !== "http://127.0.0.1:43123"'));
});

test('titles and URLs are escaped', () => {
  const html = previewHtml('http://127.0.0.1:1/a"b<c/', 'N', 'x"><script>alert(1)</script>');
  assert.ok(!html.includes('<script>alert(1)'), html);
  assert.ok(!html.includes('a"b<c'), html);
});

test('only http(s) pages are framed', () => {
  assert.equal(originOf(url), 'http://127.0.0.1:43123');
  assert.throws(() => previewHtml('javascript:alert(1)', 'N', 't'));
  assert.throws(() => previewHtml('file:///etc/passwd', 'N', 't'));
});

test('reveal requests are checked before they reach the editor', () => {
  const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } };
  assert.deepEqual(parseReveal({ type: 'reveal', uri: 'file:///a/api.yaml', range }), { uri: 'file:///a/api.yaml', range });
  assert.equal(parseReveal({ type: 'reveal', uri: 'command:workbench.action.quit', range }), undefined);
  assert.equal(parseReveal({ type: 'reveal', uri: 'file:///a', range: { start: { line: -1, character: 0 }, end: range.end } }), undefined);
  assert.equal(parseReveal({ type: 'other', uri: 'file:///a', range }), undefined);
  assert.equal(parseReveal(null), undefined);
});

test('the page keeps its path (and token) under the address VS Code maps its origin to', () => {
  // Desktop: the same origin.
  assert.equal(externalPageUrl('http://127.0.0.1:43123/', url), url);
  // code-server: a proxy path on its own origin.
  assert.equal(externalPageUrl('http://127.0.0.1:8080/proxy/43123/', url), 'http://127.0.0.1:8080/proxy/43123/TOKEN123/d/1/');
  // A forwarded port in a remote window.
  assert.equal(externalPageUrl('https://host.example:9999', url + '?x=1'), 'https://host.example:9999/TOKEN123/d/1/?x=1');
});
