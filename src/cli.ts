import { type Command, CommanderError } from '@commander-js/extra-typings';
import type { CliIO } from './commands/context.js';
import { outputWidth } from './commands/context.js';
import {
  estimateCommand,
  forecastCommand,
  importCommand,
  inferCommand,
  initCommand,
  planCommand,
  reportCommand,
  rulesCommand,
  schemaCommand,
  validateCommand,
  whatifCommand,
} from './commands/definitions.js';
import { type CommandName, EXAMPLES } from './commands/help-text.js';
import { attach, createProgram, endHelp, type Running, type Session } from './commands/program.js';
import { formatProblem, isUserError, type Problem } from './errors.js';
import { renderErrorJson } from './render/json.js';
import { terminalSafe } from './render/terminal-safe.js';

export type { CliIO } from './commands/context.js';
export { watchOutputStreams } from './io/output-streams.js';

/**
 * Each command added to the program, its `run` loaded only when it runs: `jss estimate` loads
 * nothing of `infer`'s search or `report`'s page.
 */
const COMMANDS: Record<CommandName, (program: Command, session: Session) => void> = {
  estimate: (p, s) => attach(estimateCommand(p), s, async () => (await import('./commands/estimate.js')).run),
  whatif: (p, s) => attach(whatifCommand(p), s, async () => (await import('./commands/whatif.js')).run),
  forecast: (p, s) => attach(forecastCommand(p), s, async () => (await import('./commands/forecast.js')).run),
  plan: (p, s) => attach(planCommand(p), s, async () => (await import('./commands/plan.js')).run),
  infer: (p, s) => attach(inferCommand(p), s, async () => (await import('./commands/infer.js')).run),
  report: (p, s) => attach(reportCommand(p), s, async () => (await import('./commands/report.js')).run),
  validate: (p, s) => attach(validateCommand(p), s, async () => (await import('./commands/validate.js')).run),
  init: (p, s) => attach(initCommand(p), s, async () => (await import('./commands/init.js')).run),
  schema: (p, s) => attach(schemaCommand(p), s, async () => (await import('./commands/schema.js')).run),
  rules: (p, s) => {
    const { rules, list, show } = rulesCommand(p);
    const load = () => import('./commands/rules.js');
    attach(rules, s, async () => (await load()).runRulesAction);
    attach(list, s, async () => (await load()).runList, 'rules');
    attach(show, s, async () => (await load()).runShow, 'rules');
  },
  import: (p, s) => attach(importCommand(p), s, async () => (await import('./commands/import.js')).run),
};

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

function defaultIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Touching process.stdin opens it (about 10 ms): only a command that reads '-' does.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * The program for `argv`: only the command it names when it names one (nothing else changes what
 * commander does with it), else every command (`jss --help`, `jss help X`, a misspelt command).
 */
function buildProgram(argv: string[], session: Session): Command {
  const program = createProgram(session.io, session.width);
  const names = isCommandName(argv[0]) ? [argv[0]] : Object.keys(EXAMPLES).filter(isCommandName);
  for (const name of names) {
    COMMANDS[name](program, session);
    const command = program.commands.at(-1);
    if (command) endHelp(command, EXAMPLES[name], session.width);
  }
  return program;
}

/** Runs the CLI and returns the exit code (the shim sets `process.exitCode`; nothing exits early). */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
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
  const program = buildProgram(argv, session);
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
