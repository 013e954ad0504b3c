#!/usr/bin/env node
// Runs the script of the command named (dist/cli/NAME.js; jss.js, with every command, for help and
// anything else) from the V8 code cache the build made beside it (see src/build/build-cli.ts). A
// stale or missing cache only costs time: V8 then compiles the script as usual. CommonJS (see
// bin/package.json): node starts a CommonJS file faster than an ES module.
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const dir = join(__dirname, '..', 'dist', 'cli');
const command = process.argv[2] ?? '';
const named = join(dir, `${/^[a-z]+$/.test(command) ? command : 'jss'}.js`);
const path = existsSync(named) ? named : join(dir, 'jss.js');
let cachedData;
try {
  cachedData = readFileSync(path.replace(/\.js$/, '.cache'));
} catch {}
// The scripts are ASCII (the build checks): read as Latin-1, they are the same text for less work.
const script = new Script(readFileSync(path, 'latin1'), { filename: path, cachedData });
const exported = { exports: {} };
const body = script.runInThisContext();
body(exported.exports, createRequire(path), exported, path, dir, pathToFileURL(path).href);
// The output is written by the time the code comes back: exiting at once spares Node the heap's
// tear-down (a millisecond on a small run, tens on 100,000 contracts).
exported.exports.run(process.argv.slice(2)).then((code) => process.exit(code));
