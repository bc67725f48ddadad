// Checks the extension manifest, the lockfile and the packaged .vsix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('manifest: activation, commands, settings', () => {
  for (const lang of ['yaml', 'json']) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${lang}`), `activates on ${lang}`);
  }
  const commands = manifest.contributes.commands.map((c) => c.command);
  assert.deepEqual(commands.sort(), ['asyncapi.openPreviewToSide', 'asyncapi.restartServer', 'asyncapi.showOutput']);
  const props = manifest.contributes.configuration.properties;
  assert.equal(props['asyncapi.server.path'].type, 'string');
  assert.ok(props['asyncapi.trace.server'].enum.includes('verbose'));
  for (const key of Object.keys(props)) assert.match(key, /^asyncapi\./);
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(manifest.dependencies['vscode-languageclient']);
});

test('the extension source registers what the manifest declares', () => {
  const src = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
  for (const c of manifest.contributes.commands) {
    assert.ok(src.includes(`registerCommand('${c.command}'`), `${c.command} is registered`);
  }
});

test('lockfile records no download addresses', () => {
  assert.match(readFileSync(join(root, '.npmrc'), 'utf8'), /^omit-lockfile-registry-resolved=true$/m);
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const withUrl = Object.entries(lock.packages).filter(([, p]) => p.resolved !== undefined);
  assert.deepEqual(withUrl.map(([k]) => k), []);
  for (const [name, p] of Object.entries(lock.packages)) {
    if (name !== '' && !p.link) assert.ok(p.integrity, `${name} has an integrity hash`);
  }
});

// Lists the file names in a zip archive (central directory), enough for a .vsix.
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

test('vsce packages a .vsix with the bundle and without sources', { timeout: 120000 }, () => {
  assert.ok(existsSync(join(root, 'dist', 'extension.js')), 'npm run build ran');
  const bundle = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
  assert.match(bundle, /require\("vscode"\)/, 'vscode stays external');
  const dir = mkdtempSync(join(tmpdir(), 'asyncapi-vsix-'));
  try {
    const out = join(dir, 'asyncapi-ls.vsix');
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
      { cwd: root, stdio: 'pipe' },
    );
    const names = zipEntries(readFileSync(out));
    assert.ok(names.includes('extension/package.json'), names.join(', '));
    assert.ok(names.includes('extension/dist/extension.js'), names.join(', '));
    assert.deepEqual(names.filter((n) => /\/(src|test|node_modules)\//.test(n) || n.endsWith('.ts')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
