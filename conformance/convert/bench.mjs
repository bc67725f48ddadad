// Times the official converter on one document.
//
//   node bench.mjs FILE          the convert call alone: median of three,
//                                after one warm-up
//   node bench.mjs --once FILE   one conversion, written to stdout: the
//                                caller times the whole process, Node's
//                                start and the imports included, the same
//                                measure as one `asyncapi-ls convert`
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { convert } from '@asyncapi/converter';

const once = process.argv[2] === '--once';
const text = readFileSync(process.argv[once ? 3 : 2], 'utf8');
console.warn = () => {};
if (once) {
  const out = convert(text, '3.0.0');
  process.stdout.write(typeof out === 'string' ? out : JSON.stringify(out, null, 2));
} else {
  convert(text, '3.0.0');
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    convert(text, '3.0.0');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${times[1].toFixed(0)} ms (median of ${times.map(t => t.toFixed(0)).join(', ')})`);
}
