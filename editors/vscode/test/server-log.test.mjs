// Unit tests of the server log line mapping (src/serverLog.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseServerLogLine } = require('../dist/lib/serverLog.js');

test("the server's zap console lines keep their level", () => {
  assert.deepEqual(parseServerLogLine('2026-11-26T19:51:21.265Z\tINFO\tasyncapi-ls starting\t{"version": "dev"}'), {
    level: 'info',
    text: 'asyncapi-ls starting {"version": "dev"}',
  });
  assert.equal(parseServerLogLine('2026-11-26T19:51:21.265Z\tWARN\tconfiguration problem').level, 'warn');
  assert.equal(parseServerLogLine('2026-11-26T19:51:21.265Z\tDEBUG\tx').level, 'debug');
  assert.equal(parseServerLogLine('2026-11-26T19:51:21.265Z\tERROR\tboom').level, 'error');
  assert.equal(parseServerLogLine('2026-11-26T19:51:21.265+01:00\tINFO\tlocal time').level, 'info');
});

test('anything else is an error, unchanged', () => {
  for (const line of ['panic: runtime error: index out of range', 'goroutine 1 [running]:', '', '2026-11-26T19:51:21Z\tNOTICE\tx']) {
    assert.deepEqual(parseServerLogLine(line), { level: 'error', text: line });
  }
});
