// Large histories, as a user runs them: each figure is the wall time of a whole `node bin/jss.js …`
// process (start-up, reading, parsing, validating, computing, writing), set beside its target.
// Called by bench/run.js; `node bench/scale.js` runs it alone (after `npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticHistory } from './generate.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/jss.js');
const preload = join(root, 'bench/peak-rss.cjs');

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The environment of every measured process: no extra CA certificates (Node loads them before any script), no colour. */
function cleanEnv(rssFile) {
  const env = { ...process.env, NO_COLOR: '1', JSS_BENCH_RSS_FILE: rssFile };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

/** One process: its wall time in ms and its peak RSS in MiB. */
function runOnce(args, dir) {
  const rssFile = join(dir, 'peak-rss.txt');
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: cleanEnv(rssFile),
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  // 0: done; 1: a --fail-under or a plan not reached, which still computed everything.
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/**
 * Runs every task `runs` times, interleaved (task 1, task 2, …, then again), so that all of them
 * see the same load on a shared machine; per task: the median wall time and the highest peak RSS.
 */
function measureAll(tasks, runs, dir) {
  const samples = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, args] of Object.entries(tasks)) samples[name].push(runOnce(args, dir));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      { ms: median(list.map((s) => s.ms)), rssMiB: Math.max(...list.map((s) => s.rssMiB)) },
    ]),
  );
}

/** The history with its contracts given to `clients` clients in turn (1: every contract to one client). */
function withClients(history, clients) {
  return {
    ...history,
    contracts: history.contracts.map((c, i) => ({ ...c, client: `client-${i % clients}` })),
  };
}

function write(dir, name, history) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(history));
  return file;
}

/** `say` prints a line (bench/run.js also keeps it for its report). */
export function runScaleBenchmarks({ dir = join(root, '.bench'), say = console.log, runs = 5 } = {}) {
  mkdirSync(dir, { recursive: true });
  const big = syntheticHistory(100_000);
  const bigFile = write(dir, 'history-100000.json', big);
  const tenK = write(dir, 'history-10000.json', syntheticHistory(10_000));
  // Later sections of bench/run.js read this one too.
  write(dir, 'history-1000.json', syntheticHistory(1_000));
  const twentyK = syntheticHistory(20_000);
  const oneClient = write(dir, 'history-20000-one-client.json', withClients(twentyK, 1));
  const spread = write(dir, 'history-20000-1000-clients.json', withClients(twentyK, 1_000));
  const open = big.contracts.find((c) => c.status !== 'ended');
  const parse = (file) => [
    '-e',
    `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`,
  ];
  // A floor for a command that reads a document and writes one as big: the file parsed and
  // written back, indented as --json is (jss's output on 100k is a little larger than its input).
  const echo = (file) => [
    '-e',
    `const fs = require('node:fs'); fs.writeSync(1, JSON.stringify(JSON.parse(fs.readFileSync(${JSON.stringify(file)}, 'utf8')), null, 2))`,
  ];
  const jss = (...args) => [bin, ...args];

  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const row = (label, figure, target, ok) =>
    say(`  ${label.padEnd(58)} ${figure.padStart(18)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`);

  say(
    `Large histories (synthetic JSON, ~1% open; whole processes \`node bin/jss.js …\` with NODE_EXTRA_CA_CERTS and NODE_OPTIONS removed; median of ${runs} interleaved runs each; ratios from this run):`,
  );
  const m = measureAll(
    {
      parse100k: parse(bigFile),
      echo100k: echo(bigFile),
      estimate100k: jss('estimate', bigFile, '--json'),
      estimate10k: jss('estimate', tenK, '--json'),
      whatif100k: jss('whatif', bigFile, '--set', `${open.id}=client-completes:delighted`, '--json'),
      forecast100k: jss('forecast', bigFile, '--step', 'day', '--json'),
      plan100k: jss('plan', bigFile, '--target', '100', '--json'),
      oneClient: jss('estimate', oneClient, '--json'),
      spread: jss('estimate', spread, '--json'),
    },
    runs,
    dir,
  );
  const size = (file) => `${(readFileSync(file).length / 1e6).toFixed(0)} MB`;
  say(
    `  100,000 contracts (${size(bigFile)}): read+JSON.parse ${fmt(m.parse100k.ms)} ms, estimate --json ${fmt(m.estimate100k.ms)} ms; 10,000 contracts: estimate --json ${fmt(m.estimate10k.ms)} ms`,
  );
  const ratio = (a, b) => a.ms / b.ms;
  const x = (r) => `${r.toFixed(2)}x`;
  const estimateVsParse = ratio(m.estimate100k, m.parse100k);
  row('estimate --json on 100k vs read+JSON.parse', x(estimateVsParse), '<= 3.5x', estimateVsParse <= 3.5);
  say(
    `  (floor: read+JSON.parse+JSON.stringify indented+write of the same file ${fmt(m.echo100k.ms)} ms, ${x(ratio(m.echo100k, m.parse100k))} read+JSON.parse; estimate --json is ${x(ratio(m.estimate100k, m.echo100k))} that floor)`,
  );
  const rss = m.estimate100k.rssMiB;
  row('peak RSS of estimate --json on 100k', `${fmt(rss)} MiB`, '<= 300 MiB', rss <= 300);
  const growth = ratio(m.estimate100k, m.estimate10k);
  row('estimate --json, 10k -> 100k contracts', x(growth), '<= 11x', growth <= 11);
  for (const [label, key] of [
    [`whatif --set ${open.id}=client-completes:delighted --json on 100k`, 'whatif100k'],
    ['forecast --step day --json (24 months) on 100k', 'forecast100k'],
    ['plan --target 100 --json on 100k', 'plan100k'],
  ]) {
    const r = ratio(m[key], m.estimate100k);
    row(label, `${fmt(m[key].ms)} ms ${x(r)}`, '<= 1x', r <= 1);
  }
  const clients = ratio(m.oneClient, m.spread);
  say(
    `  estimate --json on 20,000 contracts: one client ${fmt(m.oneClient.ms)} ms, 1,000 clients ${fmt(m.spread.ms)} ms (what-ifs of 200 open contracts included)`,
  );
  row('20k contracts of one client vs over 1,000 clients', x(clients), '<= 1.5x', clients <= 1.5);
  say('  (x after a time: that command against one estimate --json of the same history)');
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) runScaleBenchmarks();
