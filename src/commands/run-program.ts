import { type Command, CommanderError } from '@commander-js/extra-typings';
import { formatProblem, isUserError, type Problem } from '../errors.js';
import { nodeOutputSystem, type OutputSystem, processOutput } from '../io/output-streams.js';
import { renderErrorJson } from '../render/json.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { type CliIO, outputWidth } from './context.js';
import { type CommandName, EXAMPLES } from './help-text.js';
import { createProgram, endHelp, type Running, type Session } from './program.js';
import type { Registration } from './registry.js';

/** The commands a program knows: every one for `jss`, one in the bundle of one command. */
export type Registrations = Partial<Record<CommandName, Registration>>;

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(EXAMPLES, name);
}

/**
 * The program for `argv`: only the command it names when it names one (nothing else changes what
 * commander does with it), else every command given (`jss --help`, `jss help X`, a misspelt command).
 */
function buildProgram(argv: string[], session: Session, commands: Registrations): Command {
  const program = createProgram(session.io, session.width);
  const named = isCommandName(argv[0]) ? commands[argv[0]] : undefined;
  const names = named ? [argv[0]] : Object.keys(EXAMPLES);
  for (const name of names.filter(isCommandName)) {
    const register = commands[name];
    if (!register) continue;
    register(program, session);
    const command = program.commands.at(-1);
    if (command) endHelp(command, EXAMPLES[name], session.width);
  }
  return program;
}

/** Runs the program on `argv` (without the node and script paths) and returns the exit code. */
export async function runProgram(argv: string[], io: CliIO, commands: Registrations): Promise<number> {
  let exitCode = 0;
  let running: Running | undefined;
  const session: Session = {
    io,
    width: outputWidth(io),
    finish: (code) => {
      exitCode = code;
    },
    start: (started) => {
      running = started;
    },
  };
  const program = buildProgram(argv, session, commands);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const json = (problems: readonly Problem[]) => {
      const command = jsonErrorCommand(program, argv, running);
      if (command !== undefined) io.stdout.write(renderErrorJson(command, problems));
    };
    if (error instanceof CommanderError) return commanderExit(error, json);
    if (isUserError(error)) {
      io.stderr.write(`${terminalSafe(error.problems.map(formatProblem).join('\n'))}\n`);
      if (error.exitCode === 2) json(error.problems);
      return error.exitCode;
    }
    return internalError(error, argv, io);
  }
}

/** With `--json`, a command that fails with exit 2 also prints the error document on stdout. */
function jsonErrorCommand(
  program: Command,
  argv: string[],
  running: Running | undefined,
): string | undefined {
  if (running) return running.json ? running.command : undefined;
  const cmd = program.commands.find((c) => c.name() === argv[0]);
  if (!cmd || !argv.includes('--json') || !cmd.options.some((o) => o.long === '--json')) return undefined;
  return cmd.name();
}

/** The exit code of what commander stopped at (it has printed its message already). */
function commanderExit(error: CommanderError, json: (problems: Problem[]) => void): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  // `jss help` asks for help (stdout, 0); `jss` alone or `jss help NOPE` is bad usage (stderr, 2).
  if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
  json([{ code: 'bad-usage', message: error.message.replace(/^error: /, '') }]);
  return 2;
}

/** A bug: a short message and a request to report it (the stack with --debug), exit 3. */
function internalError(error: unknown, argv: string[], io: CliIO): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`jss: internal error: ${terminalSafe(message)}\n`);
  if (argv.includes('--debug') && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else
    io.stderr.write(
      'This is a bug in jss; please report it with the command you ran (--debug shows the stack).\n',
    );
  return 3;
}

/** The CLI's view of this process: its output (see processOutput), stdin, environment and clock. */
export function processIO(output = processOutput()): CliIO {
  return {
    stdout: output.stdout,
    stderr: output.stderr,
    // Touching process.stdin opens it (about 10 ms): only a command that reads '-' does.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * The CLI as bin/jss.js runs it: this process's stdin, environment and directory, its output
 * written through `system` (stdout and stderr by default, synchronously: all is written when this
 * resolves); the exit code, 2 after a failed write whatever the command returned. The build warms
 * each script's code cache through here with output that goes nowhere, so what a run compiles on
 * its way to the output is in the cache too.
 */
export async function runWithOutput(
  argv: string[],
  commands: Registrations,
  system: OutputSystem = nodeOutputSystem(),
): Promise<number> {
  const output = processOutput(system);
  const code = await runProgram(argv, processIO(output), commands);
  return output.failed() ? 2 : code;
}
