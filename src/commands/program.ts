import { Command, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings';
import { packageVersion } from '../package-root.js';
import { terminalSafe } from '../render/terminal-safe.js';
import type { CliIO, CommandContext, OutStream } from './context.js';
import { exitCodes, helpExamples, programHelpEnd } from './help-text.js';

/** Commands whose stdout, without --json, is text for a person (the others print data). */
const HUMAN_STDOUT = new Set(['estimate', 'whatif', 'forecast', 'plan', 'validate', 'rules', 'infer']);

/** The command being run (its name on the command line) and whether it was asked for JSON. */
export interface Running {
  command: string;
  json: boolean;
}

/** What every command's action shares: the program's IO and width, and where the outcome goes. */
export interface Session {
  io: CliIO;
  width: number;
  /** The command's exit code. */
  finish(code: number): void;
  /** Called as the command starts, before anything is loaded (for the `--json` error document). */
  start(running: Running): void;
}

/** What a command module's `run` is: its parsed arguments and options in, the exit code out. */
export type Run<Args, Options> = (
  args: Args,
  options: Options,
  ctx: CommandContext,
  operands: string[],
) => Promise<number>;

/** The options every action reads before its command runs (absent where a command lacks them). */
interface OutputFlags {
  json?: boolean;
  color?: boolean;
}

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

/** The context a command runs in: colours decided per stream, human text made terminal-safe. */
async function commandContext(session: Session, name: string, flags: OutputFlags): Promise<CommandContext> {
  const { io, width } = session;
  const { createStyle, colorEnabled } = await import('../render/style.js');
  // Each stream is coloured only when it is a terminal itself (`jss estimate F 2>log` keeps log plain).
  // isTTY is read only if colorEnabled comes to it (each asks the system once per stream).
  const colorOf = (stream: { isTTY?: boolean }) =>
    createStyle(
      colorEnabled({
        get isTTY() {
          return stream.isTTY;
        },
        env: io.env,
        color: flags.color,
        json: flags.json,
      }),
    );
  const [style, errStyle] = await Promise.all([colorOf(io.stdout), colorOf(io.stderr)]);
  // Human output shows what files hold escaped (no escape sequence of theirs reaches the terminal);
  // JSON, YAML and schemas on stdout keep their exact strings.
  const humanOut = HUMAN_STDOUT.has(name) && flags.json !== true;
  const safeIo: CliIO = {
    ...io,
    stdout: humanOut ? safeStream(io.stdout, style.enabled) : io.stdout,
    stderr: safeStream(io.stderr, errStyle.enabled),
  };
  return { io: safeIo, style, errStyle, width };
}

/**
 * Makes `command` run `run` (loaded when the command is run) with the arguments and options
 * commander parsed, typed by the command's definition. `name` is what the user typed (`rules` for
 * `jss rules show`); `run` also gets the raw operands, for a command that allows extra ones.
 */
export function attach<Args extends unknown[], Opts extends OptionValues, Global extends OptionValues>(
  command: Command<Args, Opts, Global>,
  session: Session,
  load: () => Promise<Run<Args, ReturnType<Command<Args, Opts, Global>['optsWithGlobals']>>>,
  name = command.name(),
): Command<Args, Opts, Global> {
  return command.action(async function () {
    const options = this.optsWithGlobals();
    const flags: OutputFlags = options;
    session.start({ command: name, json: flags.json === true });
    const ctx = await commandContext(session, name, flags);
    const run = await load();
    session.finish(await run(this.processedArgs, options, ctx, this.args));
  });
}

/** The program, ready to have commands added (see `addCommand`). */
export function createProgram(io: CliIO, width: number): Command {
  return (
    new Command('jss')
      .description(
        'Your projected Upwork Job Success Score, why it is what it is, and what each choice about an open contract would do to it.',
      )
      .version(packageVersion(), '-V, --version')
      .showHelpAfterError('(run with --help for usage)')
      // help texts are functions: made only when help is shown, not on every run
      .addHelpText('after', () => programHelpEnd(width))
      .exitOverride()
      // Option and command descriptions wrap to the output width even when it is narrow.
      .configureHelp({ minWidthToWrap: 16 })
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(terminalSafe(s)),
        getOutHelpWidth: () => width,
        getErrHelpWidth: () => width,
      })
  );
}

/**
 * Ends a command's help with its examples and exit codes; its subcommands (`rules list|show`)
 * show the group's options too.
 */
export function endHelp(command: CommandUnknownOpts, examples: readonly string[], width: number): void {
  const failUnder = command.options.some((o) => o.long === '--fail-under');
  command.addHelpText('after', () => helpExamples(examples, width) + exitCodes(failUnder));
  for (const sub of command.commands) {
    sub.configureHelp({ minWidthToWrap: 16, showGlobalOptions: true });
    const own = examples.filter((e) => e.includes(` ${sub.name()}`));
    sub.addHelpText('after', () => (own.length ? helpExamples(own, width) : '') + exitCodes(false));
  }
}
