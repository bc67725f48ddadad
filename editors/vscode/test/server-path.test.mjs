// Unit tests of the server lookup (src/serverPath.ts): setting, shipped binary, PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { resolveServerCommand, searchPath, expandConfiguredPath } = require('../dist/lib/serverPath.js');

const base = (files, extra = {}) => ({
  extensionPath: '/ext',
  workspaceFolder: '/ws',
  platform: 'linux',
  arch: 'x64',
  envPath: '/usr/local/bin:/usr/bin',
  homeDir: '/home/u',
  isFile: (p) => files.includes(p),
  ...extra,
});

test('the setting wins over everything else', () => {
  const files = ['/opt/als', '/ext/server/asyncapi-ls', '/usr/bin/asyncapi-ls'];
  assert.deepEqual(resolveServerCommand(base(files, { configuredPath: '/opt/als' })), {
    ok: true,
    command: '/opt/als',
    source: 'setting',
  });
});

test('a setting that points nowhere is an error, not a silent fallback', () => {
  const r = resolveServerCommand(base(['/usr/bin/asyncapi-ls'], { configuredPath: '/missing/als' }));
  assert.equal(r.ok, false);
  assert.match(r.message, /asyncapi\.server\.path/);
  assert.deepEqual(r.tried, ['/missing/als']);
});

test('setting values: ~, ${workspaceFolder}, relative paths, bare names', () => {
  assert.equal(expandConfiguredPath('~/bin/als', base([])), '/home/u/bin/als');
  assert.equal(expandConfiguredPath('${workspaceFolder}/bin/als', base([])), '/ws/bin/als');
  assert.equal(expandConfiguredPath('./bin/als', base([])), '/ws/bin/als');
  const r = resolveServerCommand(base(['/usr/bin/als-dev'], { configuredPath: 'als-dev' }));
  assert.deepEqual(r, { ok: true, command: '/usr/bin/als-dev', source: 'setting' });
});

test('then the binary shipped in the extension, platform folder first', () => {
  const files = ['/ext/server/linux-x64/asyncapi-ls', '/ext/server/asyncapi-ls', '/usr/bin/asyncapi-ls'];
  assert.equal(resolveServerCommand(base(files)).command, '/ext/server/linux-x64/asyncapi-ls');
  const r = resolveServerCommand(base(files.slice(1)));
  assert.deepEqual(r, { ok: true, command: '/ext/server/asyncapi-ls', source: 'bundled' });
});

test('then PATH, in order', () => {
  const files = ['/usr/bin/asyncapi-ls', '/usr/local/bin/asyncapi-ls'];
  assert.deepEqual(resolveServerCommand(base(files)), {
    ok: true,
    command: '/usr/local/bin/asyncapi-ls',
    source: 'path',
  });
});

test('nothing found: an error that says where it looked', () => {
  const r = resolveServerCommand(base([]));
  assert.equal(r.ok, false);
  assert.ok(r.tried.includes('/ext/server/asyncapi-ls'));
  assert.match(r.message, /asyncapi\.server\.path/);
});

test('Windows: .exe names and PATHEXT', () => {
  const win = {
    platform: 'win32',
    extensionPath: 'C:\\ext',
    envPath: 'C:\\tools;C:\\go\\bin',
    envPathExt: '.COM;.EXE',
  };
  assert.equal(
    resolveServerCommand(base(['C:\\ext\\server\\asyncapi-ls.exe'], win)).command,
    'C:\\ext\\server\\asyncapi-ls.exe',
  );
  assert.equal(searchPath('asyncapi-ls', { ...base(['C:\\go\\bin\\asyncapi-ls.EXE']), ...win }), 'C:\\go\\bin\\asyncapi-ls.EXE');
});
