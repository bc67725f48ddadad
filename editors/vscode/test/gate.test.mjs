// Unit tests of the document gate (src/gate.ts): which documents reach the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DocumentGate } = require('../dist/lib/gate.js');

const ASYNC = 'asyncapi: 3.0.0\ninfo: {}\n';
const OPENAPI = 'openapi: 3.1.0\n';

test('opens AsyncAPI documents and leaves the others alone', () => {
  const g = new DocumentGate();
  assert.equal(g.onOpen('file:///a.yaml', 'yaml', ASYNC), true);
  assert.equal(g.onOpen('file:///b.yaml', 'yaml', OPENAPI), false);
  assert.equal(g.onOpen('file:///c.md', 'markdown', ASYNC), false, 'not a YAML/JSON language');
  assert.equal(g.onOpen('file:///d.json', 'json', '{"asyncapi": "2.6.0"}'), true);
  assert.deepEqual(g.trackedUris().sort(), ['file:///a.yaml', 'file:///d.json']);
  assert.equal(g.detection('file:///d.json').version, '2.6.0');
});

test('changes: forward, open on the fly, ignore', () => {
  const g = new DocumentGate();
  g.onOpen('file:///a.yaml', 'yaml', ASYNC);
  g.onOpen('file:///b.yaml', 'yaml', 'info: {}\n');
  assert.equal(g.onChange('file:///a.yaml', 'yaml', ASYNC + 'channels: {}\n'), 'forward');
  assert.equal(g.onChange('file:///b.yaml', 'yaml', 'info: {}\nfoo: 1\n'), 'ignore');
  assert.equal(g.onChange('file:///b.yaml', 'yaml', 'asyncapi: 2.6.0\ninfo: {}\n'), 'open');
  assert.equal(g.onChange('file:///b.yaml', 'yaml', 'asyncapi: 2.6.0\ninfo: {x: 1}\n'), 'forward');
  // Removing the key keeps the document open so the server can report it.
  assert.equal(g.onChange('file:///a.yaml', 'yaml', 'info: {}\n'), 'forward');
  assert.equal(g.isTracked('file:///a.yaml'), true);
  assert.equal(g.detection('file:///a.yaml').version, undefined);
});

test('Spectral ruleset files reach the server, by name', () => {
  const g = new DocumentGate();
  assert.equal(g.onOpen('file:///p/.spectral.yaml', 'yaml', 'rules: {}\n'), true);
  assert.equal(g.onOpen('file:///p/.spectral.json', 'json', '{}'), true);
  assert.equal(g.onOpen('file:///p/spectral.yaml', 'yaml', 'rules: {}\n'), false, 'another name is not a ruleset');
  assert.equal(g.onChange('file:///p/.spectral.yaml', 'yaml', 'rules: {r: off}\n'), 'forward');
});

test('close and reset', () => {
  const g = new DocumentGate();
  g.onOpen('file:///a.yaml', 'yaml', ASYNC);
  assert.equal(g.onClose('file:///b.yaml'), false, 'never opened');
  assert.equal(g.onClose('file:///a.yaml'), true);
  assert.equal(g.onClose('file:///a.yaml'), false, 'already closed');
  g.onOpen('file:///a.yaml', 'yaml', ASYNC);
  g.reset();
  assert.equal(g.isTracked('file:///a.yaml'), false);
  assert.equal(g.onChange('file:///a.yaml', 'yaml', ASYNC), 'open');
});
