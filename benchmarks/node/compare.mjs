// Runs the benchmark guests under Node's node:wasi and prints them beside the JMH figures of wasmguest.
// Usage: node --expose-gc benchmarks/node/compare.mjs JMH_RESULT.json GUESTS_DIR
// Each guest is compiled once, then run WARMUP times and MEASURED times, each run in a fresh instance with a fresh
// WASI context (as wasmguest runs them); the mean of the measured runs is compared with JMH's score.
import { WASI } from 'node:wasi';
import { readFileSync, openSync, closeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const WARMUP = 5;
const MEASURED = 10;
const [jmhFile, guestsDir] = process.argv.slice(2);
if (!jmhFile || !guestsDir) {
  console.error('usage: node --expose-gc compare.mjs JMH_RESULT.json GUESTS_DIR');
  process.exit(2);
}

// JMH's JSON: one entry per benchmark and parameter set.
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8')).map((entry) => ({
  name: entry.benchmark.replace(/^.*\.(\w+Benchmark)\.(\w+)$/, '$1.$2'),
  guest: entry.params?.guest,
  millis: toMillis(entry.primaryMetric.score, entry.primaryMetric.scoreUnit),
  error: toMillis(entry.primaryMetric.scoreError, entry.primaryMetric.scoreUnit),
}));

function toMillis(value, unit) {
  const perMilli = { 'ns/op': 1e-6, 'us/op': 1e-3, 'ms/op': 1, 's/op': 1e3 }[unit];
  if (perMilli === undefined) throw new Error(`unexpected JMH unit ${unit}`);
  return value * perMilli;
}

async function nodeMillis(name, args) {
  const module = await WebAssembly.compile(readFileSync(`${guestsDir}/${name}.wasm`));
  const devNull = openSync('/dev/null', 'w');
  const times = [];
  try {
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      const wasi = new WASI({ version: 'preview1', args: [`${name}.wasm`, ...args], env: {},
        stdout: devNull, stderr: devNull, returnOnExit: true });
      const start = performance.now();
      const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
      const code = wasi.start(instance);
      const elapsed = performance.now() - start;
      if (code !== 0) throw new Error(`${name} exited with ${code} under node`);
      if (i >= WARMUP) times.push(elapsed);
      // Each instance reserves gigabytes of address space for its memory; free them before the next run.
      globalThis.gc?.();
    }
  } finally {
    closeSync(devNull);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length);
  return { mean, sd };
}

const rows = [];
for (const entry of jmh) {
  let name;
  let args;
  if (entry.guest) {
    [name, args] = entry.guest.split(':');
    args = args.split(' ');
  } else if (entry.name === 'RunOverheadBenchmark.wasiRunner') {
    [name, args] = ['seed', []];
  } else {
    continue;
  }
  const node = await nodeMillis(name, args);
  rows.push([`${name} ${args.join(' ')}`.trim(), entry.name, fmt(entry.millis, entry.error), fmt(node.mean, node.sd),
    (entry.millis / node.mean).toFixed(2) + 'x']);
}

function fmt(millis, spread) {
  const digits = millis < 1 ? 3 : 1;
  return `${millis.toFixed(digits)} ± ${spread.toFixed(digits)} ms`;
}

const header = ['guest', 'wasmguest benchmark', 'wasmguest (JMH)', `node ${process.version} node:wasi`,
  'wasmguest / node'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
