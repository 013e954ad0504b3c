// Reading a history, against the parser alone (issue 14's targets for the input side): a YAML
// file against read + js-yaml of the same file, and a JSON file's reading and validating against
// read + JSON.parse. Each figure is the median of fresh processes, run interleaved so that both
// sides of a ratio see the same load on a shared machine. `node bench/yaml.js` prints the report
// lines; `node bench/yaml.js TASK FILE` is one measurement (bench/run.js calls the former).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { syntheticHistory } from './generate.js';

const [task, file] = process.argv.slice(2);
if (task !== undefined) {
  console.log(JSON.stringify({ ms: await measureOnce(task, file) }));
} else {
  report();
}

/** One timed task in this process: read and parse, or jss's whole reading of a history. */
async function measureOnce(task, file) {
  if (task === 'read+js-yaml') {
    const { load } = await import('js-yaml');
    const t0 = performance.now();
    load(readFileSync(file, 'utf8'));
    return performance.now() - t0;
  }
  if (task === 'read+JSON.parse') {
    const t0 = performance.now();
    JSON.parse(readFileSync(file, 'utf8'));
    return performance.now() - t0;
  }
  if (task === 'jss-load') {
    // Modules are loaded before the clock starts, as js-yaml is for the baseline.
    const { loadHistory } = await import('../dist/io/load-history.js');
    const t0 = performance.now();
    await loadHistory(file, { today: '2026-11-26' });
    return performance.now() - t0;
  }
  throw new Error(`unknown task ${task}`);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function once(task, file) {
  const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, task, file], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${task} ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout).ms;
}

/** Medians of `runs` interleaved pairs: the baseline task, then jss's. */
function pair(baseline, file, runs) {
  const base = [];
  const jss = [];
  for (let i = 0; i < runs; i++) {
    base.push(once(baseline, file));
    jss.push(once('jss-load', file));
  }
  return { base: median(base), jss: median(jss) };
}

function report() {
  const root = new URL('..', import.meta.url).pathname;
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const runs = 5;
  const size = 100_000;
  const history = syntheticHistory(size);
  const yamlFile = join(dir, `history-${size}.yaml`);
  const jsonFile = join(dir, `history-${size}.json`);
  writeFileSync(yamlFile, dump(history)); // block style, as a person or another tool writes it
  writeFileSync(jsonFile, JSON.stringify(history));
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const yaml = pair('read+js-yaml', yamlFile, runs);
  const json = pair('read+JSON.parse', jsonFile, runs);
  const mb = (f) => (readFileSync(f).length / 2 ** 20).toFixed(0);
  console.log(
    `  YAML, ${size} contracts (${mb(yamlFile)} MB, block style): read+js-yaml (its default schema) ${fmt(yaml.base)} ms, jss reads and validates it in ${fmt(yaml.jss)} ms: ${(yaml.jss / yaml.base).toFixed(2)}x   target <= 1.5x`,
  );
  console.log(
    `  JSON, ${size} contracts (${mb(jsonFile)} MB): read+JSON.parse ${fmt(json.base)} ms, jss reads and validates it in ${fmt(json.jss)} ms: ${(json.jss / json.base).toFixed(2)}x   target <= 3.5x for the whole estimate --json; reading is its first part`,
  );
  console.log(
    `  (median of ${runs} fresh processes each, jss and its baseline interleaved; times exclude node start-up and module loading)`,
  );
}
