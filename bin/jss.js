#!/usr/bin/env node
// Runs the script of the command named (dist/cli/NAME.js; jss.js, with every command, for help and
// anything else) from the V8 code cache the build made beside it (see src/build/build-cli.ts). A
// stale or missing cache only costs time: V8 then compiles the script as usual.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const command = process.argv[2] ?? '';
const named = new URL(`../dist/cli/${/^[a-z]+$/.test(command) ? command : 'jss'}.js`, import.meta.url);
const file = existsSync(named) ? named : new URL('../dist/cli/jss.js', import.meta.url);
const path = fileURLToPath(file);
let cachedData;
try {
  cachedData = readFileSync(path.replace(/\.js$/, '.cache'));
} catch {}
const script = new Script(readFileSync(path, 'utf8'), { filename: path, cachedData });
const module = { exports: {} };
const body = script.runInThisContext();
body(module.exports, createRequire(file), module, path, fileURLToPath(new URL('.', file)), file.href);
await module.exports.run(process.argv.slice(2));
