// Start-up of the built `jss` (bin/jss.js) against bare node, as whole processes: how long a small
// run takes from spawning node to its exit. `node bench/startup.js` runs it alone (build first);
// `npm run bench` runs it as its first section.
//
// How: every case is spawned RUNS times, the cases interleaved round-robin (so each sees the same
// load on a shared machine), and the median wall time of each is compared with bare node running an
// empty CommonJS module (as bin/jss.js is one; an empty ES module starts a few ms slower).
// NODE_EXTRA_CA_CERTS is removed from the children's environment: with it, node reads the
// certificates (~75 ms) before any script runs, which hides jss's own cost. NO_COLOR=1 is set;
// stdout is a pipe, as for `jss ... | jq`.
//
// Beside each small estimate runs its floor: the least a program can do with the same file, loaded
// the way jss is (one bundled script compiled from a V8 code cache): read it, parse it (js-yaml
// with jss's YAML schema, or JSON.parse), print how many contracts it has. What jss adds is its
// time over the floor; what is left is the file's own cost. The estimate target is checked on the
// README's example, the size of file the floor of about +9 ms was measured on. The
// 23-contract example (what the other commands' cases read) is shown beside its own floor, with no
// target of its own: js-yaml alone takes that floor to about 1.4x bare node, +23 ms, so no program
// that reads it could be within +25 ms.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';

const RUNS = 21;
/** Removed from the environment of every process measured. */
const REMOVED = ['NODE_EXTRA_CA_CERTS'];
/** `jss estimate` on a small history: at most this many times bare node, and this much slower. */
const ESTIMATE_RATIO = 1.65;
const ESTIMATE_EXTRA_MS = 25;
/** Every other command's small case: within this much of `jss estimate`'s. */
const OTHERS_EXTRA_MS = 10;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The small histories `jss estimate` is measured on, each beside its floor (read, parse, count the
 * contracts): [label, the floor's label, file, whether the estimate target applies]. The README's
 * example is the size the issue's floor figure was taken on; the 23-contract one is what the other
 * commands' cases read.
 */
function estimateCases(smallJson) {
  return [
    [
      'jss estimate forum-case.yaml (9 contracts)',
      'floor: forum-case.yaml',
      'examples/forum-case.yaml',
      true,
    ],
    [
      'jss estimate freelancer.yaml (23 contracts)',
      'floor: freelancer.yaml',
      'examples/freelancer.yaml',
      false,
    ],
    ['jss estimate, the same 23 as JSON', 'floor: the same 23 as JSON', smallJson, false],
  ];
}

/** The other small cases: [label, argv after bin/jss.js, whether the +10 ms target applies]. */
function cases() {
  const small = 'examples/freelancer.yaml';
  return [
    ['jss estimate --json', ['estimate', small, '--json'], true],
    [
      'jss whatif --set',
      ['whatif', 'examples/forum-case.yaml', '--set', 'BP-3=client-cancels:unhappy'],
      true,
    ],
    ['jss forecast', ['forecast', small], true],
    ['jss plan --target 90', ['plan', small, '--target', '90'], true],
    ['jss validate', ['validate', small], true],
    ['jss rules', ['rules'], true],
    ['jss rules show upwork-2026', ['rules', 'show', 'upwork-2026'], true],
    ['jss schema contracts', ['schema', 'contracts'], true],
    ['jss init -', ['init', '-'], true],
    ['jss import (a transaction CSV)', ['import', 'test/fixtures/import/transactions-13.csv'], true],
    ['jss --help', ['--help'], true],
    ['jss --version', ['--version'], true],
    ['jss infer (why-did-it-drop; may load more)', ['infer', 'examples/why-did-it-drop.yaml'], false],
    ['jss report -o - (may load more)', ['report', small, '-o', '-'], false],
  ];
}

/**
 * The floor's script, built into `dir` as bin/jss.js builds a command's: bundled, wrapped in a
 * function, its code cache made after running it once on each file. Returns the runner's path.
 */
function buildFloor(root, dir, files) {
  const bundled = buildSync({
    stdin: {
      contents: [
        "import { readFileSync } from 'node:fs';",
        "import { load } from 'js-yaml';",
        // the schema jss reads YAML with (YAML 1.2's core schema; js-yaml's own resolves numbers slower)
        "import { CORE_12_SCHEMA } from './dist/io/yaml-core-schema.js';",
        'export function count(file) {',
        "  const text = readFileSync(file, 'utf8');",
        '  const data = /^\\s*[[{]/.test(text) ? JSON.parse(text) : load(text, { schema: CORE_12_SCHEMA });',
        '  return data.contracts.length;',
        '}',
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    },
    // built as jss's own scripts are (src/build/build-cli.ts), so that the two compare fairly
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
  });
  const script = join(dir, 'floor-script.js');
  const code = `(function (exports, require, module) {${bundled.outputFiles[0].text}\n})`;
  writeFileSync(script, code);
  const compiled = new Script(code, { filename: script });
  const module = { exports: {} };
  compiled.runInThisContext()(module.exports, createRequire(script), module);
  for (const file of files) module.exports.count(file);
  writeFileSync(join(dir, 'floor-script.cache'), compiled.createCachedData());
  const runner = join(dir, 'floor.cjs');
  writeFileSync(
    runner,
    [
      "const { readFileSync, writeSync } = require('node:fs');",
      "const { Script } = require('node:vm');",
      `const path = ${JSON.stringify(script)};`,
      "const cachedData = readFileSync(path.replace(/\\.js$/, '.cache'));",
      "const script = new Script(readFileSync(path, 'latin1'), { filename: path, cachedData });",
      "if (script.cachedDataRejected) throw new Error('V8 rejected the floor script\\'s code cache');",
      'const loaded = { exports: {} };',
      'script.runInThisContext()(loaded.exports, require, loaded);',
      "writeSync(1, String(loaded.exports.count(process.argv[2])) + '\\n');",
    ].join('\n'),
  );
  return runner;
}

/** Wall time of each process, `RUNS` times each, interleaved; the medians by label. */
function measureAll(root, processes) {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const name of REMOVED) delete env[name];
  const times = new Map(processes.map(([label]) => [label, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [label, args] of processes) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      times.get(label).push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    }
  }
  return new Map([...times].map(([label, ms]) => [label, median(ms)]));
}

/** Runs the start-up benchmark and says each figure with its target. */
export function startup({ root, say }) {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.cjs');
  writeFileSync(empty, '');
  const smallJson = join(dir, 'freelancer.json');
  writeFileSync(
    smallJson,
    JSON.stringify(parse(readFileSync(join(root, 'examples/freelancer.yaml'), 'utf8'))),
  );
  const bin = join(root, 'bin/jss.js');
  const estimates = estimateCases(smallJson);
  const list = cases();
  const floor = buildFloor(
    root,
    dir,
    estimates.map(([, , file]) => resolve(root, file)),
  );
  const bare = 'node on an empty CommonJS module';
  const medians = measureAll(root, [
    [bare, [empty]],
    ...estimates.flatMap(([label, floorLabel, file]) => [
      [floorLabel, [floor, file]],
      [label, [bin, 'estimate', file]],
    ]),
    ...list.map(([label, argv]) => [label, [bin, ...argv]]),
  ]);

  const base = medians.get(bare);
  const fmt = (ms) => ms.toFixed(1).padStart(6);
  const plus = (ms) => `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`;
  const ok = (pass) => (pass ? 'ok' : 'OVER');
  const width = 46;
  say(
    `Start-up (whole processes, median of ${RUNS} runs each, interleaved; ${REMOVED.join(', ')} removed from their environment; NO_COLOR=1; stdout a pipe):`,
  );
  say(`  ${bare.padEnd(width)} ${fmt(base)} ms`);
  for (const [label, floorLabel, , targeted] of estimates) {
    const ms = medians.get(label);
    const floorMs = medians.get(floorLabel);
    say(
      `  ${floorLabel.padEnd(width)} ${fmt(floorMs)} ms   ${(floorMs / base).toFixed(2)}x   ${plus(floorMs - base)} over bare node`,
    );
    const pass = ms <= ESTIMATE_RATIO * base && ms - base <= ESTIMATE_EXTRA_MS;
    const target = targeted
      ? `target ≤ ${ESTIMATE_RATIO}x and ≤ +${ESTIMATE_EXTRA_MS} ms: ${ok(pass)}`
      : 'no target of its own';
    say(
      `  ${label.padEnd(width)} ${fmt(ms)} ms   ${(ms / base).toFixed(2)}x   ${plus(ms - base)}, ${plus(ms - floorMs)} over its floor; ${target}`,
    );
  }
  // The other commands are held to the estimate of the history most of them read.
  const estimate = medians.get(estimates[1][0]);
  for (const [label, , targeted] of list) {
    const ms = medians.get(label);
    const vsEstimate = ms - estimate;
    const target = targeted
      ? `target ≤ +${OTHERS_EXTRA_MS} ms over jss estimate (23 contracts): ${ok(vsEstimate <= OTHERS_EXTRA_MS)} (${plus(vsEstimate)})`
      : `no target (${plus(vsEstimate)} over jss estimate, 23 contracts)`;
    say(`  ${label.padEnd(width)} ${fmt(ms)} ms   ${(ms / base).toFixed(2)}x   ${target}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  startup({ root: fileURLToPath(new URL('..', import.meta.url)), say: (line) => console.log(line) });
}
