import type { CliIO } from './commands/context.js';
import * as registry from './commands/registry.js';
import { processIO, type Registrations, runProcess, runProgram } from './commands/run-program.js';

export type { CliIO } from './commands/context.js';

/** Every command. */
const COMMANDS: Required<Registrations> = registry;

/** Runs the CLI and returns the exit code (nothing exits early). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runProgram(argv, io, COMMANDS);
}

/** `bin/jss.js` for help and anything that names no command: every command, as this process. */
export function run(argv: string[]): Promise<never> {
  return runProcess(argv, COMMANDS);
}
