import type { CliIO } from './commands/context.js';
import * as registry from './commands/registry.js';
import { processIO, type Registrations, runProgram } from './commands/run-program.js';

export type { CliIO } from './commands/context.js';

/** Every command. */
const COMMANDS: Required<Registrations> = registry;

/** Runs the CLI and returns the exit code (nothing exits early). */
export function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runProgram(argv, io, COMMANDS);
}
