// `npm run bench`: speed and memory of jss on synthetic histories, reported as ratios measured in
// one run on this machine (absolute times vary between machines; ratios much less).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { syntheticHistory } from './generate.js';
import { runScaleBenchmarks } from './scale.js';
import { startup } from './startup.js';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const bin = join(root, 'bin/jss.js');

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function wall(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

function measure(task, file, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [join(root, 'bench/measure.js'), task, file], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${task} failed: ${r.stderr}`);
    out.push(JSON.parse(r.stdout));
  }
  return {
    ms: median(out.map((o) => o.ms)),
    computeMs: median(out.map((o) => o.computeMs)),
    maxRssMB: Math.max(...out.map((o) => o.maxRssMB)),
  };
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const lines = [];
const say = (s) => {
  lines.push(s);
  console.log(s);
};

say(`jss benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
say('');
startup({ root, say });
say('');
runScaleBenchmarks({ dir, say });
say('');
say('Locating problems (YAML, block style, 25k contracts, ~8 MB; median of 3 runs):');
{
  const history = syntheticHistory(25_000);
  const valid = join(dir, 'history-25000.yaml');
  const text = stringify(history);
  writeFileSync(valid, text);
  const oneBad = join(dir, 'history-25000-one-bad.yaml');
  writeFileSync(oneBad, text.replace('\n    client:', '\n    colour: red\n    client:'));
  const allBad = join(dir, 'history-25000-all-bad.yaml');
  writeFileSync(allBad, text.replaceAll('\n    client:', '\n    colour: red\n    client:'));
  const ok = measure('validate', valid, 3);
  for (const [label, file] of [
    ['one unknown key', oneBad],
    ['25,000 unknown keys (first 50 shown)', allBad],
  ]) {
    const bad = measure('validate', file, 3);
    say(
      `  ${label.padEnd(38)} ${fmt(bad.ms).padStart(7)} ms   ${(bad.ms / ok.ms).toFixed(2)}x a valid file's ${fmt(ok.ms)} ms   peak RSS ${fmt(bad.maxRssMB)} MB`,
    );
  }
}
say('');
say('Target: locating problems within 5x of validating a valid file.');

say('');
say(
  'The past (median of 7 runs; "whole" is the process, node start-up and loading included; "compute" what follows the load):',
);
{
  const runs = 7;
  const walls = Array.from({ length: runs }, () => [
    wall([bin, 'forecast', 'examples/freelancer.yaml', '--step', 'day', '--json'], 1),
    wall([bin, 'forecast', 'examples/freelancer.yaml', '--step', 'day', '--from', '2024-11-26', '--json'], 1),
  ]);
  const forward = median(walls.map((w) => w[0]));
  const fromPast = median(walls.map((w) => w[1]));
  const inRuns = Array.from({ length: runs }, () => [
    measure('forecast-daily', 'examples/freelancer.yaml', 1),
    measure('forecast-from', 'examples/freelancer.yaml', 1),
  ]);
  const inForward = { computeMs: median(inRuns.map((r) => r[0].computeMs)) };
  const inPast = { computeMs: median(inRuns.map((r) => r[1].computeMs)) };
  say('  daily forecast of examples/freelancer.yaml, 24 months ahead vs from 24 months back:');
  say(
    `    jss forecast --step day (whole command)   ${fmt(forward).padStart(6)} ms   with --from 24 months back ${fmt(fromPast).padStart(6)} ms   ratio ${(fromPast / forward).toFixed(2)}x`,
  );
  say(
    `    in-process, after loading (compute)       ${fmt(inForward.computeMs).padStart(6)} ms   with the past              ${fmt(inPast.computeMs).padStart(6)} ms   ratio ${(inPast.computeMs / inForward.computeMs).toFixed(2)}x`,
  );
  say('    target: the whole command with --from within 2x of the forward-only daily forecast');
  const big = join(dir, 'history-100000.json');
  // Interleaved, so that both see the same load on a shared machine.
  const pairs = Array.from({ length: 5 }, () => [
    measure('estimate', big, 1),
    measure('estimate-rewound', big, 1),
  ]);
  const est = { ms: median(pairs.map((p) => p[0].ms)) };
  const rewound = { ms: median(pairs.map((p) => p[1].ms)) };
  const rewindOnly = measure('rewind', big, 3);
  say('  100,000 contracts, rewound to a month before the history date (97% of them existed then):');
  say(
    `    estimate ${fmt(est.ms).padStart(6)} ms   estimate --as-of a month back ${fmt(rewound.ms).padStart(6)} ms   ratio ${(rewound.ms / est.ms).toFixed(2)}x   (the rewinding itself: ${fmt(rewindOnly.computeMs)} ms, ${((100 * rewindOnly.computeMs) / est.ms).toFixed(0)}% of the estimate)`,
  );
  say('    target: within 1.3x of one estimate');
}
say('');
say('jss infer (10 generated histories, each timed in-process as the median of 3 runs, after loading):');
{
  const r = spawnSync(process.execPath, [join(root, 'bench/infer.js')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`infer benchmark failed: ${r.stderr}`);
  const b = JSON.parse(r.stdout);
  say(
    `  ${b.hidden} hidden contracts, ${b.observations} observations: median ${fmt(b.medianMs)} ms, slowest ${fmt(b.maxMs)} ms; ${b.complete ? 'all complete' : 'INCOMPLETE'}, ${b.unresolved} unresolved verdicts, ${b.fits ? 'every history fits' : 'SOME DO NOT FIT'}`,
  );
  say('  target: < 2000 ms with nothing unresolved');
}
say('');
say(
  'jss report against its parts (in-process, median of 5 runs): the page vs estimate + a daily forecast --from of the same span (+ infer with observed scores):',
);
for (const [label, file] of [
  ['examples/freelancer.yaml', join(root, 'examples/freelancer.yaml')],
  ['examples/why-did-it-drop.yaml', join(root, 'examples/why-did-it-drop.yaml')],
  ['1,000 contracts', join(dir, 'history-1000.json')],
  ['10,000 contracts', join(dir, 'history-10000.json')],
]) {
  const page = measure('report', file, 5);
  const parts = measure('report-baseline', file, 5);
  say(
    `  ${label.padEnd(30)} report ${fmt(page.ms).padStart(7)} ms   its parts ${fmt(parts.ms).padStart(7)} ms   ratio ${(page.ms / parts.ms).toFixed(2)}x`,
  );
}
say('  target: report within 1.5x of its parts');
say('');
say('Reading a history, against the parser alone (bench/yaml.js):');
{
  const r = spawnSync(process.execPath, [join(root, 'bench/yaml.js')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reading benchmark failed: ${r.stderr}`);
  for (const line of r.stdout.trimEnd().split('\n')) say(line);
}
writeFileSync(join(dir, 'last-run.txt'), `${lines.join('\n')}\n`);
