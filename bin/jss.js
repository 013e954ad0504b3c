#!/usr/bin/env node
import module from 'node:module';

module.enableCompileCache?.();
const { main, watchOutputStreams } = await import('../dist/cli/cli.js');
// A reader that stops early (`jss ... | head`) is not an error; any other failed write is exit 2.
const output = watchOutputStreams(process.stdout, process.stderr, () => {
  process.exitCode = 2;
});
const code = await main(process.argv.slice(2));
process.exitCode = output.failed() ? 2 : code;
