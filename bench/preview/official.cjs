// Renders one document with the official HTML documentation: the AsyncAPI
// generator with the html template, one self-contained file. Prints
// {"elapsed_ms": …} (the generator's own run, Node start-up excluded).
//
//   node official.cjs DOCUMENT OUT_DIR
const path = require('node:path');
const Generator = require('@asyncapi/generator');

async function main() {
  const [file, out] = process.argv.slice(2);
  const template = path.dirname(require.resolve('@asyncapi/html-template/package.json'));
  const started = process.hrtime.bigint();
  const generator = new Generator(template, out, {
    forceWrite: true,
    templateParams: { singleFile: 'true' },
  });
  await generator.generateFromFile(path.resolve(file));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ elapsed_ms: elapsed }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
