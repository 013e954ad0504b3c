/**
 * Alternatives as the command line gives them: `--set ID=SCENARIO[:OUTCOME]` values, and changes
 * files whose hints name the options that move dates. Not part of the library API (src/index.ts).
 */
import { type Changes, findChoice } from '../core/apply-changes.js';
import type { History, RuleSet } from '../core/types.js';
import type { Alternative } from '../core/whatif.js';
import { type Problem, UserError } from '../errors.js';
import { type AlternativeDates, applyCheckedChanges, changesAlternative } from './changes-alternative.js';
import type { LoadedChanges } from './load-changes.js';
import type { PathProblem } from './path-problems.js';

/** The dates of an alternative on the command line; `later` says how to allow later dates (default `--at`). */
export interface OptionDates extends Omit<AlternativeDates, 'hints'> {
  /** How the user can move the day scored later, for the hint (default: "pass a later --at"). */
  later?: string;
}

function optionHints(dates: OptionDates): AlternativeDates {
  const { later, ...rest } = dates;
  return {
    ...rest,
    hints: {
      laterDay: later ?? 'pass a later --at',
      laterEvaluation: 'evaluate on a later day (--as-of)',
    },
  };
}

/** `changesAlternative`, with hints that name the command's options. */
export function changesFileAlternative(
  loaded: LoadedChanges,
  history: History,
  rules: RuleSet,
  dates: OptionDates,
): Alternative {
  return changesAlternative(loaded, history, rules, optionHints(dates));
}

/** `ID=SCENARIO[:OUTCOME]` values of `--set`, as the `set` list of a changes file. */
export function parseSetOptions(values: readonly string[]): Changes {
  const set = values.map((value) => {
    const eq = value.lastIndexOf('=');
    const [scenario, outcome, extra] = value.slice(eq + 1).split(':');
    if (eq <= 0 || !scenario || outcome === '' || extra !== undefined) {
      throw new UserError(`--set ${value}: expected ID=SCENARIO or ID=SCENARIO:OUTCOME`, {
        code: 'bad-usage',
        hint: 'e.g. --set C9=client-cancels:unhappy (jss rules show NAME lists the scenarios)',
      });
    }
    return { contract: value.slice(0, eq), scenario, ...(outcome === undefined ? {} : { outcome }) };
  });
  return { set };
}

/**
 * The alternative all `--set` values form together, named by their `ID=SCENARIO:OUTCOME` values
 * joined with `, ` (the outcome filled in when it was left to default).
 */
export function setAlternative(
  values: readonly string[],
  history: History,
  rules: RuleSet,
  dates: OptionDates,
): Alternative {
  const changes = parseSetOptions(values);
  const named = (problems: PathProblem[]) =>
    problems.map((p): Problem => {
      const j = p.path[0] === 'set' ? Number(p.path[1]) : -1;
      return { code: p.code, message: `${j >= 0 ? `--set ${values[j]}: ` : ''}${p.message}`, hint: p.hint };
    });
  const changed = applyCheckedChanges(changes, history, rules, optionHints(dates), named);
  const name = (changes.set ?? [])
    .map((choice) => `${choice.contract}=${choice.scenario}:${findChoice(rules, choice)?.outcome.name}`)
    .join(', ');
  return { name, history: changed };
}
