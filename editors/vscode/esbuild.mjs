// Builds the extension into dist/: one bundle for VS Code (extension.js) and
// the pure modules on their own, for the Node unit tests.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/detect.ts', 'src/gate.ts', 'src/serverPath.ts', 'src/serverLog.ts', 'src/previewHtml.ts'], outdir: 'dist/lib' },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching src/ ...');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
