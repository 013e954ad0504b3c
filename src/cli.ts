import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  type CliIO,
  type CommandContext,
  type CommonOptions,
  type OutStream,
  outputWidth,
} from './commands/context.js';
import { FIRST_YEAR, LAST_YEAR } from './core/dates.js';
import { formatProblem, isUserError } from './errors.js';
import { packageRoot } from './package-root.js';
import { renderErrorJson } from './render/json.js';
import { terminalSafe } from './render/terminal-safe.js';

export type { CliIO } from './commands/context.js';
export { watchOutputStreams } from './io/output-streams.js';

/** The exit codes a command can return: 1 only where --fail-under can fail. */
function exitCodes(failUnder: boolean): string {
  return [
    '',
    'Exit codes:',
    '  0  done',
    ...(failUnder ? ['  1  a check you asked for failed (--fail-under)'] : []),
    '  2  bad usage, input or rules; a refused or failed write',
    '  3  internal error: please report it (--debug shows why)',
    '',
  ].join('\n');
}

/** The examples that end each command's help (and, first of each, the program's). */
const EXAMPLES: Record<string, string[]> = {
  estimate: [
    'jss estimate contracts.yaml',
    'jss estimate contracts.yaml --json | jq .jss',
    'jss estimate contracts.yaml --rules upwork-2026,pessimistic',
    'jss estimate contracts.yaml -q --fail-under 90',
    'jss estimate contracts.yaml --as-of 2026-06-30 --observed 2026-06-30=88',
  ],
  whatif: [
    'jss whatif contracts.yaml --set C9=client-cancels:unhappy',
    'jss whatif contracts.yaml --set C9=client-cancels:silent --set C12=freelancer-closes --at 2027-02-24',
    'jss whatif contracts.yaml --changes cancel-now.yaml --json | jq .alternatives',
  ],
  forecast: [
    'jss forecast contracts.yaml --step month',
    'jss forecast contracts.yaml --until 2027-12-31 --json | jq .crossings',
    'jss forecast contracts.yaml --changes cancel-now.yaml',
    'jss forecast contracts.yaml --from 2025-11-26 --step month',
  ],
  plan: [
    'jss plan contracts.yaml --target 90',
    'jss plan contracts.yaml --target 90 --job-earnings 1200 --json',
  ],
  infer: [
    'jss infer contracts.yaml --observed 2026-10-15=92 --observed 2026-11-14=88',
    'jss infer contracts.yaml --rules upwork-2024,upwork-2020,pessimistic',
    'jss infer contracts.yaml --json | jq .hidden',
  ],
  report: [
    'jss report contracts.yaml',
    'jss report contracts.yaml -o maya.html --force',
    'jss report contracts.yaml --rules upwork-2015 -o report-2015.html',
    'jss report contracts.yaml -o - > report.html',
    'jss report contracts.yaml --from 2025-11-26 -o last-year.html',
  ],
  validate: ['jss validate contracts.yaml', 'jss validate - < contracts.json'],
  init: ['jss init', 'jss init my-history.yaml --force'],
  schema: ['jss schema contracts > contracts.schema.json', 'jss schema report | jq .title'],
  rules: ['jss rules', 'jss rules show upwork-2015', 'jss rules show ./my-rules.yaml --json'],
  import: [
    'jss import transactions.csv -o contracts.yaml',
    'jss import new-transactions.csv --merge contracts.yaml',
  ],
};

/** Examples, one command each; a command too wide for `width` continues on the next line after ` \\`. */
function helpExamples(lines: string[], width: number): string {
  const fold = (line: string): string => {
    const out: string[] = [];
    let current = '  $';
    for (const word of line.split(' ')) {
      if (current.trim() !== '$' && current.length + 1 + word.length + 2 > width) {
        out.push(`${current} \\`);
        current = `      ${word}`;
      } else current += ` ${word}`;
    }
    return [...out, current].join('\n');
  };
  return `\nExamples:\n${lines.map(fold).join('\n')}\n`;
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

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function parseNumber(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a number from ${min} to ${max}`);
    }
    return n;
  };
}

/** A percentage: a number from 0 to 100, with or without a trailing `%` (`90`, `90%`, `92.5 %`). */
function parsePercent(what: string) {
  const parse = parseNumber(0, 100, what);
  return (value: string): number => {
    try {
      return parse(value.replace(/\s*%$/, ''));
    } catch {
      throw new InvalidArgumentError(`${what} must be a percentage from 0 to 100 (90 or 90%)`);
    }
  };
}

/**
 * An option given at most once: a second `--rules` or `--as-of` is refused rather than silently
 * replacing the first (a comma list compares rule sets). Each program gets fresh parsers.
 */
function once<T>(flag: string, hint: string, parse: (value: string) => T = (v) => v as T) {
  let seen = false;
  return (value: string): T => {
    if (seen) throw new InvalidArgumentError(`${flag} is given more than once; ${hint}`);
    seen = true;
    return parse(value);
  };
}

const ONE_DATE = 'give it once';

function parseWhole(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a real date as YYYY-MM-DD');
  }
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new InvalidArgumentError(`expected a date in the years ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  return value;
}

/** 100 years: far beyond any window, and the horizon's date stays a four-digit-year YYYY-MM-DD. */
const MAX_HORIZON_DAYS = 36500;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Options every reporting command takes. */
function withCommon(cmd: Command, opts: { failUnder?: boolean; quiet: string }): Command {
  cmd
    .option(
      '--rules <names>',
      'rule set name or file; a comma list compares rule sets',
      once('--rules', 'to compare rule sets give one comma list, e.g. --rules upwork-2026,pessimistic'),
      'upwork-2026',
    )
    .option(
      '--as-of <date>',
      "evaluate on this day (YYYY-MM-DD) instead of the history's date (the file's asOf, or today); an earlier day sees the history as it stood then",
      once('--as-of', ONE_DATE, parseDate),
    )
    .option('--json', 'print one JSON document (see `jss schema report`)')
    .option('-q, --quiet', opts.quiet)
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces of internal errors');
  if (opts.failUnder) {
    cmd.option(
      '--fail-under <n>',
      'exit 1 when the projected JSS is below N (90 or 90%) or not shown',
      once('--fail-under', 'give it once', parsePercent('--fail-under')),
    );
  }
  return cmd;
}

/** Each command module's `run`; its options type is its own, so the caller passes them through as-is. */
type Runner = (args: unknown[], options: never, ctx: CommandContext) => Promise<number>;

/** Commands whose stdout, without --json, is text for a person (the others print data). */
const HUMAN_STDOUT = new Set(['estimate', 'whatif', 'forecast', 'plan', 'validate', 'rules', 'infer']);

/** A stream whose text is made safe for a terminal (see render/terminal-safe.ts). */
function safeStream(stream: OutStream, coloured: boolean): OutStream {
  return {
    write: (text: string) => stream.write(terminalSafe(text, { keepColour: coloured })),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/** The command being run and whether it was asked for JSON (for the error document). */
interface Running {
  command: string;
  json: boolean;
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

export function buildProgram(
  io: CliIO,
  setExit: (code: number) => void,
  onStart: (running: Running) => void = () => undefined,
): Command {
  const width = outputWidth(io);
  const program = new Command('jss')
    .description(
      'Your projected Upwork Job Success Score, why it is what it is, and what each choice about an open contract would do to it.',
    )
    .version(version(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      helpExamples(
        Object.values(EXAMPLES).map((list) => list[0]),
        width,
      ) + exitCodes(true),
    )
    .exitOverride()
    // Option and command descriptions wrap to the output width even when it is narrow.
    .configureHelp({ minWidthToWrap: 16 })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(terminalSafe(s)),
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
    });

  const action =
    (load: () => Promise<{ run: Runner }>) =>
    async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      const options = cmd.opts() as CommonOptions & Record<string, unknown>;
      onStart({ command: cmd.name(), json: options.json === true });
      const positional = args.slice(0, -2);
      const { createStyle, colorEnabled } = await import('./render/style.js');
      // Each stream is coloured only when it is a terminal itself (`jss estimate F 2>log` keeps log plain).
      const colorOf = (stream: { isTTY?: boolean }) =>
        createStyle(
          colorEnabled({ isTTY: stream.isTTY, env: io.env, color: options.color, json: options.json }),
        );
      const [style, errStyle] = await Promise.all([colorOf(io.stdout), colorOf(io.stderr)]);
      // Human output shows what files hold escaped (no escape sequence of theirs reaches the
      // terminal); JSON, YAML and schemas on stdout keep their exact strings.
      const humanOut = HUMAN_STDOUT.has(cmd.name()) && options.json !== true;
      const safeIo: CliIO = {
        ...io,
        stdout: humanOut ? safeStream(io.stdout, style.enabled) : io.stdout,
        stderr: safeStream(io.stderr, errStyle.enabled),
      };
      const { run } = await load();
      setExit(await run(positional, options as never, { io: safeIo, style, errStyle, width }));
    };

  withCommon(
    program
      .command('estimate')
      .description(
        'projected JSS, per-window figures, per-contract outcomes and the what-ifs of every open contract',
      )
      .argument('[file]', "contract history (YAML or JSON; '-' reads stdin)", 'contracts.yaml')
      .option(
        '--horizon <days>',
        'days ahead at which scenarios are also scored',
        parseWhole(0, MAX_HORIZON_DAYS, '--horizon'),
        90,
      )
      .option(
        '--observed <DATE=JSS>',
        'a JSS Upwork showed you that day (repeatable; DATE=none: no score shown); wins over the file',
        collect,
      ),
    { failUnder: true, quiet: 'print only the headline: the JSS (92%) or "not shown"' },
  ).action(action(() => import('./commands/estimate.js')));

  withCommon(
    program
      .command('whatif')
      .description('compare the baseline with alternative futures, for scripts')
      .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
      .option(
        '--set <ID=SCENARIO[:OUTCOME]>',
        'a scenario outcome for an open contract (repeatable; together one alternative)',
        collect,
      )
      .option('--changes <file>', 'a changes file: one alternative (repeatable)', collect)
      .option('--at <date>', 'evaluate on this day (not before --as-of)', once('--at', ONE_DATE, parseDate)),
    { failUnder: true, quiet: 'print only the JSS of each alternative, one per line' },
  ).action(action(() => import('./commands/whatif.js')));

  withCommon(
    program
      .command('forecast')
      .description('the JSS over time as contracts age out of windows, with exact crossing days')
      .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
      .option(
        '--until <date>',
        'last day of the forecast (default: 24 months ahead)',
        once('--until', ONE_DATE, parseDate),
      )
      .option(
        '--from <date>',
        'start the series on this earlier day: each day before the evaluation date as the history stood then',
        once('--from', ONE_DATE, parseDate),
      )
      .option(
        '--observed <DATE=JSS>',
        'a JSS Upwork showed you that day, marked on the chart (repeatable; DATE=none: no score shown)',
        collect,
      )
      .addOption(
        new Option('--step <step>', 'distance between points')
          .choices(['day', 'week', 'month'])
          .default('week'),
      )
      .option('--changes <file>', 'forecast an alternative future described by a changes file', collect),
    { quiet: 'print only the crossings, one per line' },
  ).action(action(() => import('./commands/forecast.js')));

  withCommon(
    program
      .command('plan')
      .description('what it takes to reach a score: the day time alone does it, and the fewest new jobs')
      .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
      .requiredOption(
        '--target <n>',
        'the JSS to reach (90 or 90%)',
        once('--target', 'give it once', parsePercent('--target')),
      )
      .option('--job-earnings <usd>', 'what each new job pays', parseNumber(0.01, 1e9, '--job-earnings'), 500)
      .option('--changes <file>', 'plan from an alternative future described by a changes file', collect),
    { quiet: 'print only the one-line answer' },
  ).action(action(() => import('./commands/plan.js')));

  withCommon(
    program
      .command('infer')
      .description(
        'what the scores you saw reveal about the ratings you cannot see (private ratings, end reasons)',
      )
      .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
      .option(
        '--observed <DATE=JSS>',
        'a JSS Upwork showed you that day (repeatable; DATE=none: no score shown); wins over the file',
        collect,
      ),
    { quiet: 'print only the answer: whether the scores fit, and the JSS now' },
  ).action(action(() => import('./commands/infer.js')));

  program
    .command('report')
    .description(
      'one self-contained HTML page of it all (headline, timeline, why, open contracts), for one rule set',
    )
    .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
    .option('-o, --output <file>', "where to write the page ('-' prints it to stdout)", 'jss-report.html')
    .option('--force', 'overwrite an existing output file')
    .option(
      '--rules <name>',
      'rule set name or file (one; make one page per rule set)',
      once('--rules', 'a report shows one rule set: make one page per set'),
    )
    .option(
      '--as-of <date>',
      "evaluate on this day (YYYY-MM-DD) instead of the file's asOf or today",
      once('--as-of', ONE_DATE, parseDate),
    )
    .option(
      '--from <date>',
      'start the timeline on this earlier day (default: the first observed score, else 12 months back)',
      once('--from', ONE_DATE, parseDate),
    )
    .option('--no-color', 'never colour the messages')
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/report.js')));

  program
    .command('validate')
    .description('check a contract history and summarise it')
    .argument('<file>', "contract history (YAML or JSON; '-' reads stdin)")
    .option(
      '--as-of <date>',
      "count the contracts as they stood on this day (dates are always checked against the file's asOf, or today)",
      once('--as-of', ONE_DATE, parseDate),
    )
    .option('--json', 'print one JSON document')
    .option('-q, --quiet', 'print nothing on success')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/validate.js')));

  program
    .command('init')
    .description('write a commented example contract history')
    .argument('[path]', 'where to write it', 'contracts.yaml')
    .option('--force', 'overwrite an existing file')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/init.js')));

  program
    .command('schema')
    .description('print a JSON Schema: contracts (history files), rules (rule sets) or report (JSON output)')
    .addArgument(new Argument('<kind>', 'which schema').choices(['contracts', 'rules', 'report']))
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/schema.js')));

  program
    .command('rules')
    .description('the built-in rule sets, with their sources and assumptions')
    .argument('[action]', 'list | show', 'list')
    .argument('[name]', 'rule set name or file (for show)')
    .option('--json', 'print one JSON document')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/rules.js')));

  program
    .command('import')
    .description("build or refresh a contract history from Upwork's CSV exports")
    .argument('<csv...>', 'transaction history or weekly summary CSV files')
    .option('-o, --output <file>', 'write the history here instead of stdout')
    .option('--merge <history>', 'refresh this history file in place (keeps a .bak copy)')
    .option('--force', 'overwrite an existing --output file')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces of internal errors')
    .action(action(() => import('./commands/import.js')));

  for (const cmd of program.commands) {
    const examples = EXAMPLES[cmd.name()];
    const failUnder = cmd.options.some((o) => o.long === '--fail-under');
    cmd.addHelpText('after', (examples ? helpExamples(examples, width) : '') + exitCodes(failUnder));
  }
  return program;
}

/** Runs the CLI and returns the exit code (the shim sets `process.exitCode`; nothing exits early). */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  let running: Running | undefined;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    (started) => {
      running = started;
    },
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `jss help` asks for help (stdout, 0); `jss` alone or `jss help NOPE` is bad usage (stderr, 2).
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      if (error.code === 'commander.executeSubCommandAsync') return 0;
      // commander already printed the message
      const command = jsonErrorCommand(program, argv, running);
      if (command !== undefined) {
        const message = error.message.replace(/^error: /, '');
        io.stdout.write(renderErrorJson(command, [{ code: 'bad-usage', message }]));
      }
      return 2;
    }
    if (isUserError(error)) {
      io.stderr.write(`${terminalSafe(error.problems.map(formatProblem).join('\n'))}\n`);
      const command = error.exitCode === 2 ? jsonErrorCommand(program, argv, running) : undefined;
      if (command !== undefined) io.stdout.write(renderErrorJson(command, error.problems));
      return error.exitCode;
    }
    const err = error as Error;
    io.stderr.write(`jss: internal error: ${terminalSafe(err?.message ?? String(error))}\n`);
    if (argv.includes('--debug') && err?.stack) io.stderr.write(`${err.stack}\n`);
    else
      io.stderr.write(
        'This is a bug in jss; please report it with the command you ran (--debug shows the stack).\n',
      );
    return 3;
  }
}
