import { type PreparedHistory, prepare } from '../core/evaluate.js';
import type { History, RuleSet } from '../core/types.js';
import type { Alternative } from '../core/whatif.js';
import { UserError } from '../errors.js';
import type { OptionDates } from '../io/alternative-options.js';
import type { WarningItem } from '../render/warnings-text.js';
import type { CliIO, CommandContext } from './context.js';
import { type InputChoice, type Inputs, loadInputs, writeWarnings } from './load-inputs.js';

export interface FutureChoice extends InputChoice {
  /**
   * `--changes FILE`: forecast or plan from this alternative future instead of the history as it is.
   * Collected as a list so that a second `--changes` is refused rather than silently replacing the first.
   */
  changes: string[] | undefined;
}

export interface Futures {
  /** The evaluation date. */
  asOf: string;
  /** The history, its rule sets, and the history as evaluated (rewound when --as-of is before H). */
  inputs: Inputs;
  /**
   * The history (after `--changes`, whose dates may run up to `latest`) prepared under each rule set,
   * with the rule set's source for the report. `laterHint` says how the user can allow later dates.
   */
  prepareAll(
    latest: string,
    laterHint: string,
  ): { prepared: PreparedHistory; source: string; alternative?: string }[];
}

/** Loads the history, the rule sets and the changes file of `forecast` and `plan`. */
export async function loadFutures(
  file: string,
  options: FutureChoice,
  ctx: CommandContext,
): Promise<Futures> {
  const changePaths = options.changes ?? [];
  if (changePaths.length > 1) {
    throw new UserError(
      `--changes is given ${changePaths.length} times (${changePaths.join(', ')}); forecast and plan take one changes file`,
      {
        code: 'option-repeated',
        hint: 'put all the changes of one future in one file; to compare several futures, use jss whatif --changes A --changes B',
      },
    );
  }
  const [changesPath] = changePaths;
  if (file === '-' && changesPath === '-') {
    throw new UserError("standard input ('-') can be read only once", {
      code: 'stdin-twice',
      hint: 'give either the history or the changes file as -, and the other as a file',
    });
  }
  const [inputs, futureOf] = await Promise.all([
    loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx),
    changesPath === undefined ? undefined : loadChangesFile(changesPath, ctx.io),
  ]);
  const { asOf } = inputs.loaded;
  const { history } = inputs;
  return {
    asOf,
    inputs,
    prepareAll: (latest, laterHint) =>
      inputs.ruleSets.map(({ ruleSet, source }) => {
        if (!futureOf) return { prepared: prepare(history, ruleSet, asOf), source };
        const future = futureOf(history, ruleSet, {
          asOf,
          at: latest,
          later: laterHint,
          written: inputs.loaded.history,
        });
        return { prepared: prepare(future.history, ruleSet, asOf), source, alternative: future.name };
      }),
  };
}

/** A changes file's future of a history under a rule set (see io/load-changes.ts). */
type FutureOf = (history: History, rules: RuleSet, dates: OptionDates) => Alternative;

/**
 * Reads a changes file and returns what builds its future; its module (with the file's schema, in
 * zod) is loaded only when there is a changes file.
 */
async function loadChangesFile(path: string, io: CliIO): Promise<FutureOf> {
  const [{ loadChanges }, { changesFileAlternative }] = await Promise.all([
    import('../io/load-changes.js'),
    import('../io/alternative-options.js'),
  ]);
  const changes = await loadChanges(path, { stdin: io.stdin, cwd: io.cwd });
  return (history, rules, dates) => changesFileAlternative(changes, history, rules, dates);
}

/**
 * Pro-rated earnings (of an --as-of before the history's date) and guessed payment dates go to
 * stderr (forecast and plan JSON documents have no warnings field).
 */
export function writeGuesses(
  ctx: CommandContext,
  prepared: readonly PreparedHistory[],
  before: readonly WarningItem[] = [],
): void {
  writeWarnings(ctx, [...before, ...prepared.flatMap((p) => p.warnings)]);
}
