// Unit tests of the content-based AsyncAPI detection (src/detect.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { detectAsyncApi, versionLabel, isCandidateLanguage } = require('../dist/lib/detect.js');
const fixture = (name) => readFileSync(new URL(`../../testdata/${name}`, import.meta.url), 'utf8');

test('block YAML with a root asyncapi key', () => {
  assert.deepEqual(detectAsyncApi('asyncapi: 3.0.0\ninfo:\n  title: x\n'), {
    isAsyncApi: true,
    version: '3.0.0',
    format: 'yaml',
  });
});

test('quoted keys and values, comments, CRLF, BOM', () => {
  assert.equal(detectAsyncApi('"asyncapi": "2.6.0"\n').version, '2.6.0');
  assert.equal(detectAsyncApi("'asyncapi': '3.0.0' # spec\n").version, '3.0.0');
  assert.equal(detectAsyncApi('asyncapi: 3.0.0 # the version\n').version, '3.0.0');
  assert.equal(detectAsyncApi('\ufeffasyncapi: 3.0.0\r\ninfo: {}\r\n').version, '3.0.0');
  assert.equal(detectAsyncApi('# header comment\n%YAML 1.2\n---\nasyncapi: 3.1.0\n').version, '3.1.0');
});

test('the key need not be the first one', () => {
  const d = detectAsyncApi('info:\n  title: t\n  version: 1.0.0\nasyncapi: 2.6.0\n');
  assert.equal(d.isAsyncApi, true);
  assert.equal(d.version, '2.6.0');
});

test('an empty value still marks an AsyncAPI document, without a version', () => {
  const d = detectAsyncApi('asyncapi:\ninfo: {}\n');
  assert.equal(d.isAsyncApi, true);
  assert.equal(d.version, undefined);
  assert.equal(versionLabel(d), 'AsyncAPI');
  assert.equal(versionLabel(detectAsyncApi('asyncapi: 3.0.0')), 'AsyncAPI 3.0.0');
});

test('a nested asyncapi key is not a root key', () => {
  assert.equal(detectAsyncApi('info:\n  asyncapi: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('list:\n- asyncapi: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('{"info": {"asyncapi": "3.0.0"}}').isAsyncApi, false);
  assert.equal(detectAsyncApi('{"a": ["asyncapi", {"asyncapi": 1}], "b": "asyncapi: 3"}').isAsyncApi, false);
});

test('similar keys and other specs are not AsyncAPI', () => {
  assert.equal(detectAsyncApi('asyncapi_version: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('asyncapis: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('openapi: 3.1.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('# asyncapi: 3.0.0\nfoo: bar\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('description: |\n  asyncapi: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('').isAsyncApi, false);
  assert.equal(detectAsyncApi('\n\n   \n').isAsyncApi, false);
  assert.equal(detectAsyncApi('[1, 2]').isAsyncApi, false);
});

test('only the first YAML document counts', () => {
  assert.equal(detectAsyncApi('---\nfoo: 1\n---\nasyncapi: 3.0.0\n').isAsyncApi, false);
  assert.equal(detectAsyncApi('---\nasyncapi: 3.0.0\n---\nfoo: 1\n').isAsyncApi, true);
});

test('JSON documents', () => {
  assert.deepEqual(detectAsyncApi('{\n  "asyncapi": "3.0.0",\n  "info": {}\n}'), {
    isAsyncApi: true,
    version: '3.0.0',
    format: 'json',
  });
  const later = '{"info": {"title": "a } tricky \\" string", "x": [{}, {"y": "}"}]}, "asyncapi": "2.6.0"}';
  assert.equal(detectAsyncApi(later).version, '2.6.0');
  assert.equal(detectAsyncApi('{ // jsonc comment\n "asyncapi": "3.0.0" }').version, '3.0.0');
  assert.equal(detectAsyncApi('{"asyncapi": null}').version, undefined);
  assert.equal(detectAsyncApi('{"asyncapi": null}').isAsyncApi, true);
  assert.equal(detectAsyncApi('{"asyncApi": "3.0.0"}').isAsyncApi, false);
  assert.equal(detectAsyncApi('{"asyncapi" ').isAsyncApi, false, 'truncated JSON');
});

test('YAML flow mapping at the root', () => {
  assert.equal(detectAsyncApi('{asyncapi: 3.0.0, info: {title: t}}').version, '3.0.0');
  assert.equal(detectAsyncApi('--- {info: {}, asyncapi: "2.6.0"}').version, '2.6.0');
});

test('the shipped fixtures', () => {
  assert.equal(detectAsyncApi(fixture('user-service.yaml')).version, '3.0.0');
  assert.equal(detectAsyncApi(fixture('user-service.json')).version, '3.0.0');
  assert.equal(detectAsyncApi(fixture('not-asyncapi.yaml')).isAsyncApi, false);
});

test('candidate languages', () => {
  for (const id of ['yaml', 'json', 'jsonc']) assert.equal(isCandidateLanguage(id), true, id);
  for (const id of ['plaintext', 'markdown', 'dockercompose']) assert.equal(isCandidateLanguage(id), false, id);
});

// The cases shared with the Neovim and Emacs detection tests.
test('shared detection cases (testdata/detect-cases.json)', () => {
  const cases = JSON.parse(fixture('detect-cases.json'));
  assert.ok(cases.length >= 20);
  for (const c of cases) {
    const d = detectAsyncApi(c.text);
    assert.equal(d.isAsyncApi, c.isAsyncApi, c.name);
    assert.equal(d.version, c.version ?? undefined, c.name);
  }
});
