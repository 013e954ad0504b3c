/**
 * Build step (`npm run build`, after tsc): the built-in rule sets compiled to JSON, then the
 * command line as one CommonJS script per command (`dist/cli/NAME.js`, `jss.js` for help and
 * anything else), each with a V8 code cache (`NAME.cache`) made by running the command once.
 * `bin/jss.js` picks the script from argv and compiles it from the cache, so a run neither
 * resolves modules nor compiles what the cache holds. V8 rejects a cache made by another V8 or
 * with other flags and compiles the script normally: a stale cache only costs time.
 *
 * This file is not compiled into dist/ (tsconfig.build.json): `npm run build` bundles and runs it.
 */
import '../rules/compile-builtins.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { EXAMPLES } from '../commands/help-text.js';
import type { OutputSystem } from '../io/output-streams.js';
import { packageRoot } from '../package-root.js';

/**
 * examples/forum-case.yaml as JSON (examples/ holds YAML only), written for the warm runs below:
 * a run that reads JSON then finds its parser's code in the cache too.
 */
const FORUM_JSON = join(packageRoot, 'node_modules', '.cache', 'jss', 'forum-case.json');

/**
 * The runs each script's cache is made from: small runs of the command on the examples, YAML in
 * and text out, then JSON in and out, so that what they compile is in the cache.
 */
const WARM_RUNS: Record<string, string[][]> = {
  estimate: [
    ['estimate', 'examples/freelancer.yaml'],
    ['estimate', FORUM_JSON, '--json'],
  ],
  whatif: [
    ['whatif', 'examples/forum-case.yaml', '--set', 'BP-3=client-cancels:unhappy'],
    ['whatif', FORUM_JSON, '--set', 'BP-3=client-unhappy:unhappy', '--json'],
  ],
  forecast: [
    ['forecast', 'examples/freelancer.yaml'],
    ['forecast', FORUM_JSON, '--json'],
  ],
  plan: [
    ['plan', 'examples/freelancer.yaml', '--target', '90'],
    ['plan', FORUM_JSON, '--target', '95', '--json'],
  ],
  infer: [['infer', 'examples/why-did-it-drop.yaml']],
  report: [['report', 'examples/freelancer.yaml', '-o', '-']],
  validate: [
    ['validate', 'examples/freelancer.yaml'],
    ['validate', FORUM_JSON, '--json'],
  ],
  init: [['init', '-']],
  schema: [['schema', 'contracts']],
  rules: [['rules'], ['rules', 'show', 'upwork-2026']],
  import: [['import', 'test/fixtures/import/transactions-13.csv']],
  jss: [['--help'], ['estimate', '--help']],
};

/** The parameters a script's function takes: CommonJS's, and the URL that stands for `import.meta.url`. */
const PARAMETERS = 'exports, require, module, __filename, __dirname, __jssScriptUrl';

/**
 * commander loads `child_process` (for commands that are separate programs, which jss has none of)
 * as it starts; this defers it to a first use that never comes.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/** The entry of one command's script (or, for `jss`, every command's). */
function entry(name: string): string {
  return [
    name === 'jss'
      ? "import * as commands from './src/commands/registry.ts';"
      : `import { ${name} as command } from './src/commands/registry.ts';\nconst commands = { ${JSON.stringify(name)}: command };`,
    "import { runWithOutput } from './src/commands/run-program.ts';",
    'export const run = (argv, system) => runWithOutput(argv, commands, system);',
  ].join('\n');
}

/** One command's script: the CommonJS bundle as the body of a function expression. */
async function bundle(name: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry(name), resolveDir: packageRoot, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    logLevel: 'warning',
    define: { 'import.meta.url': '__jssScriptUrl' },
    // zod checks a history, a changes file or a rule file only when the fast path found it wrong or
    // for a file of the user's: it is loaded from node_modules then, and most of each script is not
    // zod. `jss schema` always needs it, so its script holds it (with its compiled code in the cache).
    external: name === 'schema' ? [] : ['zod'],
    plugins: [lazyChildProcess],
  });
  const code = result.outputFiles[0].text;
  // bin/jss.js reads the script as Latin-1: esbuild writes ASCII (it escapes the rest), and this holds it to that.
  const other = code.search(/[\u0080-\uffff]/);
  if (other !== -1)
    throw new Error(`build: the ${name} script is not ASCII at ${other}: ${code.slice(other, other + 40)}`);
  return `(function (${PARAMETERS}) {${code}\n})`;
}

/** Output that goes nowhere (not a terminal), for the runs that warm a script before its cache is taken. */
const sink: OutputSystem = {
  write: (_fd, bytes) => bytes.length,
  isTTY: () => false,
  columns: () => undefined,
  pause: () => {},
};

/**
 * Loads a script as bin/jss.js does (without a cache) and returns its `run`: the command run
 * in-process as bin/jss.js runs it, here with its output sunk, for its exit code.
 */
function loadRun(script: Script, file: string): (argv: string[], system: OutputSystem) => Promise<unknown> {
  const module: { exports: { run?: unknown } } = { exports: {} };
  const body: (...args: unknown[]) => void = script.runInThisContext();
  body(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  const { run } = module.exports;
  if (typeof run !== 'function') throw new Error(`build: ${file} exports no run()`);
  return (argv, system) => run(argv, system);
}

/** Runs the command in-process, then writes the code V8 compiled for it as the script's cache. */
async function writeCache(file: string, code: string, runs: readonly string[][]): Promise<void> {
  const script = new Script(code, { filename: file });
  const run = loadRun(script, file);
  for (const argv of runs) {
    const exit = await run([...argv], sink);
    if (exit !== 0) throw new Error(`build: jss ${argv.join(' ')} exited ${exit} while warming its cache`);
  }
  const cache = script.createCachedData();
  const check = new Script(code, { filename: file, cachedData: cache });
  if (check.cachedDataRejected) throw new Error(`build: V8 rejects the code cache it just made for ${file}`);
  writeFileSync(file.replace(/\.js$/, '.cache'), cache);
}

const dir = join(packageRoot, 'dist', 'cli');
mkdirSync(dir, { recursive: true });
// The warm runs read this process's directory and environment, as a run does: the examples' paths are from the package.
process.chdir(packageRoot);
mkdirSync(dirname(FORUM_JSON), { recursive: true });
writeFileSync(FORUM_JSON, JSON.stringify(parse(readFileSync('examples/forum-case.yaml', 'utf8'))));
for (const name of [...Object.keys(EXAMPLES), 'jss']) {
  const runs = WARM_RUNS[name];
  if (!runs)
    throw new Error(`build: no runs to warm the ${name} script with (WARM_RUNS in src/build/build-cli.ts)`);
  const file = join(dir, `${name}.js`);
  const code = await bundle(name);
  writeFileSync(file, code);
  await writeCache(file, code, runs);
}
