#!/usr/bin/env node
import module from 'node:module';

module.enableCompileCache?.();
// A reader that stops early (`jss ... | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
const { main } = await import('../dist/cli/cli.js');
process.exitCode = await main(process.argv.slice(2));
