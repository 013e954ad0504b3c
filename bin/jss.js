#!/usr/bin/env node
// Runs the script of the command named (`jss.js`, every command's, for help and anything else)
// from the V8 code cache the build made (src/build/build-cli.ts); V8 compiles it anew if the cache
// is stale or missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

const named = new URL(
  `../dist/cli/${/^[a-z]+$/.test(process.argv[2]) ? process.argv[2] : 'jss'}.js`,
  import.meta.url,
);
const file = existsSync(named) ? named : new URL('../dist/cli/jss.js', import.meta.url);
let cachedData;
try {
  cachedData = readFileSync(new URL(file.href.replace(/\.js$/, '.cache')));
} catch {}
const script = new Script(readFileSync(file, 'utf8'), { filename: file.pathname, cachedData });
const module = { exports: {} };
script.runInThisContext()(
  module.exports,
  createRequire(file),
  module,
  file.pathname,
  new URL('.', file).pathname,
  file.href,
);
await module.exports.run(process.argv.slice(2));
