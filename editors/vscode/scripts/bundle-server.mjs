// Builds asyncapi-ls from this repository into the extension's server/ folder
// so that `npm run package` ships it inside the .vsix.
//
//   node scripts/bundle-server.mjs                  # this machine: server/asyncapi-ls
//   node scripts/bundle-server.mjs --target linux-arm64
//                                                   # server/linux-arm64/asyncapi-ls
//
// With --target, package with `npx vsce package --target linux-arm64` so the
// marketplace serves each platform its own .vsix.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extensionRoot = resolve(here, '..');
const repoRoot = resolve(extensionRoot, '..', '..');

const goos = { win32: 'windows', darwin: 'darwin', linux: 'linux' };
const goarch = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

const i = process.argv.indexOf('--target');
const target = i >= 0 ? process.argv[i + 1] : undefined;
let platform = process.platform;
let arch = process.arch;
if (target) {
  [platform, arch] = target.split('-');
  if (!goos[platform] || !goarch[arch]) {
    console.error(`unknown target ${target}; use <platform>-<arch> such as linux-x64, darwin-arm64, win32-x64`);
    process.exit(2);
  }
}
const exe = platform === 'win32' ? 'asyncapi-ls.exe' : 'asyncapi-ls';
const outDir = target ? join(extensionRoot, 'server', target) : join(extensionRoot, 'server');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, exe);
const env = { ...process.env, CGO_ENABLED: '0', GOOS: goos[platform], GOARCH: goarch[arch] };
execFileSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', out, './cmd/asyncapi-ls'], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});
console.log(`built ${out}`);
