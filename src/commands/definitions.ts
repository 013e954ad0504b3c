import { Argument, type Command, Option } from '@commander-js/extra-typings';
import { DEFAULT_RULE_SET } from '../rules/load-rules.js';
import {
  asGiven,
  asOfOption,
  changesOption,
  collect,
  compareRulesOption,
  debugOption,
  failUnderOption,
  forceOption,
  fromOption,
  GIVE_IT_ONCE,
  jsonOption,
  MAX_HORIZON_DAYS,
  noColorOption,
  observedOption,
  once,
  outputOption,
  parseDate,
  parseNumber,
  parsePercent,
  parseWhole,
  quietOption,
} from './options.js';

// Each command's arguments and options, as commander parses them (added to the program, whose
// settings each command takes on). The types of what a command's
// `run` receives come from here (ArgsOf, OptionsOf), so a renamed option is a compile error there.

/** The positional arguments a command definition parses to. */
export type ArgsOf<F> = F extends (program: Command) => Command<infer Args, infer _Opts, infer _Global>
  ? Args
  : never;
/** The options a command definition parses to. */
export type OptionsOf<F> = F extends (program: Command) => Command<infer _Args, infer Opts, infer _Global>
  ? Opts
  : never;

const HISTORY = "contract history (YAML or JSON; '-' reads stdin)";

/** The options every reporting command takes (estimate, whatif, forecast, plan, infer), after its own. */
function withReportingOptions<Args extends unknown[], Opts extends Record<string, unknown>>(
  command: Command<Args, Opts>,
  quiet: string,
) {
  return command
    .addOption(compareRulesOption())
    .addOption(
      asOfOption(
        "evaluate on this day (YYYY-MM-DD) instead of the history's date (the file's asOf, or today); an earlier day sees the history as it stood then",
      ),
    )
    .addOption(jsonOption('print one JSON document (see `jss schema report`)'))
    .addOption(quietOption(quiet))
    .addOption(noColorOption())
    .addOption(debugOption());
}

export function estimateCommand(program: Command) {
  const command = program
    .command('estimate')
    .description(
      'projected JSS, per-window figures, per-contract outcomes and the what-ifs of every open contract',
    )
    .argument('[file]', HISTORY, 'contracts.yaml')
    .addOption(
      new Option('--horizon <days>', 'days ahead at which scenarios are also scored')
        .argParser(parseWhole(0, MAX_HORIZON_DAYS, '--horizon'))
        .default(90),
    )
    .addOption(
      observedOption(
        'a JSS Upwork showed you that day (repeatable; DATE=none: no score shown); wins over the file',
      ),
    );
  return withReportingOptions(command, 'print only the headline: the JSS (92%) or "not shown"').addOption(
    failUnderOption(),
  );
}

export function whatifCommand(program: Command) {
  const command = program
    .command('whatif')
    .description('compare the baseline with alternative futures, for scripts')
    .argument('<file>', HISTORY)
    .addOption(
      new Option(
        '--set <ID=SCENARIO[:OUTCOME]>',
        'a scenario outcome for an open contract (repeatable; together one alternative)',
      ).argParser(collect),
    )
    .addOption(changesOption('a changes file: one alternative (repeatable)'))
    .addOption(
      new Option('--at <date>', 'evaluate on this day (not before --as-of)').argParser(
        once('--at', GIVE_IT_ONCE, parseDate),
      ),
    );
  return withReportingOptions(command, 'print only the JSS of each alternative, one per line').addOption(
    failUnderOption(),
  );
}

export function forecastCommand(program: Command) {
  const command = program
    .command('forecast')
    .description('the JSS over time as contracts age out of windows, with exact crossing days')
    .argument('<file>', HISTORY)
    .addOption(
      new Option('--until <date>', 'last day of the forecast (default: 24 months ahead)').argParser(
        once('--until', GIVE_IT_ONCE, parseDate),
      ),
    )
    .addOption(
      fromOption(
        'start the series on this earlier day: each day before the evaluation date as the history stood then',
      ),
    )
    .addOption(
      observedOption(
        'a JSS Upwork showed you that day, marked on the chart (repeatable; DATE=none: no score shown)',
      ),
    )
    .addOption(
      new Option('--step <step>', 'distance between points')
        .choices(['day', 'week', 'month'])
        .default('week'),
    )
    .addOption(changesOption('forecast an alternative future described by a changes file'));
  return withReportingOptions(command, 'print only the crossings, one per line');
}

export function planCommand(program: Command) {
  const command = program
    .command('plan')
    .description('what it takes to reach a score: the day time alone does it, and the fewest new jobs')
    .argument('<file>', HISTORY)
    .addOption(
      new Option('--target <n>', 'the JSS to reach (90 or 90%)')
        .argParser(once('--target', GIVE_IT_ONCE, parsePercent('--target')))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--job-earnings <usd>', 'what each new job pays')
        .argParser(parseNumber(0.01, 1e9, '--job-earnings'))
        .default(500),
    )
    .addOption(changesOption('plan from an alternative future described by a changes file'));
  return withReportingOptions(command, 'print only the one-line answer');
}

export function inferCommand(program: Command) {
  const command = program
    .command('infer')
    .description(
      'what the scores you saw reveal about the ratings you cannot see (private ratings, end reasons)',
    )
    .argument('<file>', HISTORY)
    .addOption(
      observedOption(
        'a JSS Upwork showed you that day (repeatable; DATE=none: no score shown); wins over the file',
      ),
    );
  return withReportingOptions(command, 'print only the answer: whether the scores fit, and the JSS now');
}

export function reportCommand(program: Command) {
  return program
    .command('report')
    .description(
      'one self-contained HTML page of it all (headline, timeline, why, open contracts), for one rule set',
    )
    .argument('<file>', HISTORY)
    .addOption(outputOption("where to write the page ('-' prints it to stdout)").default('jss-report.html'))
    .addOption(forceOption('overwrite an existing output file'))
    .addOption(
      new Option('--rules <name>', 'rule set name or file (one; make one page per rule set)').argParser(
        once('--rules', 'a report shows one rule set: make one page per set', asGiven),
      ),
    )
    .addOption(asOfOption("evaluate on this day (YYYY-MM-DD) instead of the file's asOf or today"))
    .addOption(
      fromOption(
        'start the timeline on this earlier day (default: the first observed score, else 12 months back)',
      ),
    )
    .addOption(noColorOption('never colour the messages'))
    .addOption(debugOption());
}

export function validateCommand(program: Command) {
  return program
    .command('validate')
    .description('check a contract history and summarise it')
    .argument('<file>', HISTORY)
    .addOption(
      asOfOption(
        "count the contracts as they stood on this day (dates are always checked against the file's asOf, or today)",
      ),
    )
    .addOption(jsonOption())
    .addOption(quietOption('print nothing on success'))
    .addOption(noColorOption())
    .addOption(debugOption());
}

export function initCommand(program: Command) {
  return program
    .command('init')
    .description('write a commented example contract history')
    .argument('[path]', 'where to write it', 'contracts.yaml')
    .addOption(forceOption('overwrite an existing file'))
    .addOption(noColorOption())
    .addOption(debugOption());
}

export function schemaCommand(program: Command) {
  return program
    .command('schema')
    .description('print a JSON Schema: contracts (history files), rules (rule sets) or report (JSON output)')
    .addArgument(new Argument('<kind>', 'which schema').choices(['contracts', 'rules', 'report'] as const))
    .addOption(debugOption());
}

/**
 * `jss rules [list | show NAME]`. The options are the group's: commander reads them wherever they
 * stand (`jss rules --json show X` as `jss rules show X --json`), and the help of `list` and `show`
 * shows them as global options. An operand that is no subcommand is an unknown action
 * (rules.ts), and `jss rules` alone lists.
 */
export function rulesCommand(program: Command) {
  const rules = program
    .command('rules')
    .description('the built-in rule sets, with their sources and assumptions')
    .usage('[options] [command]')
    .helpCommand(false)
    .allowExcessArguments()
    .addOption(jsonOption())
    .addOption(noColorOption())
    .addOption(debugOption());
  // A name after `list` is refused with a pointer to `show` (rules.ts), not commander's generic message.
  const list = rules
    .command('list')
    .description('the built-in rule sets, one line each (what `jss rules` alone prints)')
    .allowExcessArguments();
  const show = rules
    .command('show')
    .description('one rule set in full: sources, assumptions, windows, weights, classify, scenarios')
    .argument('[name]', `rule set name or file (default: ${DEFAULT_RULE_SET})`);
  return { rules, list, show };
}

export function importCommand(program: Command) {
  return program
    .command('import')
    .description("build or refresh a contract history from Upwork's CSV exports")
    .argument('<csv...>', 'transaction history or weekly summary CSV files')
    .addOption(outputOption('write the history here instead of stdout'))
    .addOption(new Option('--merge <history>', 'refresh this history file in place (keeps a .bak copy)'))
    .addOption(forceOption('overwrite an existing --output file'))
    .addOption(noColorOption())
    .addOption(debugOption());
}

/** `jss rules` and its subcommands `list` and `show`. */
export type RulesGroup = ReturnType<typeof rulesCommand>;
