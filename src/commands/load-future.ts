import { type PreparedHistory, prepare } from '../core/evaluate.js';
import { UserError } from '../errors.js';
import { changesAlternative, loadChanges } from '../io/load-changes.js';
import type { WarningItem } from '../render/warnings-text.js';
import type { CommandContext } from './context.js';
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
   * with the rule set's source for the report. `later` says how the user can allow later dates.
   */
  prepareAll(
    latest: string,
    later: string,
  ): { prepared: PreparedHistory; source: string; alternative?: string }[];
}

/** Loads the history, the rule sets and the changes file of `forecast` and `plan`. */
export async function loadFutures(
  file: string,
  options: FutureChoice,
  ctx: CommandContext,
): Promise<Futures> {
  const { io } = ctx;
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
  const [inputs, changes] = await Promise.all([
    loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx),
    changesPath === undefined ? undefined : loadChanges(changesPath, { stdin: io.stdin, cwd: io.cwd }),
  ]);
  const { asOf } = inputs.loaded;
  const { history } = inputs;
  return {
    asOf,
    inputs,
    prepareAll: (latest, later) =>
      inputs.ruleSets.map(({ ruleSet, source }) => {
        if (!changes) return { prepared: prepare(history, ruleSet, asOf), source };
        const future = changesAlternative(changes, history, ruleSet, {
          asOf,
          at: latest,
          later,
          written: inputs.loaded.history,
        });
        return { prepared: prepare(future.history, ruleSet, asOf), source, alternative: future.name };
      }),
  };
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
