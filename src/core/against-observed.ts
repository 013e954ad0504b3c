import { laterDate, toDay } from './dates.js';
import { prepare, stateAt } from './evaluate.js';
import { rewindHistory } from './rewind.js';
import type { History, Observation, RuleSet } from './types.js';
import { selectionOf } from './windows.js';

/** An observed JSS beside the JSS the model gives that day (`estimate --json`'s `observed`). */
export interface ObservedComparison {
  date: string;
  /** What Upwork showed; null: no score shown. */
  jss: number | null;
  /** The JSS the history (as written: the file's reading) gives that day; null: not shown. */
  model: number | null;
}

/**
 * The JSS the model gives on `day` (DESIGN §8): the history as it stood that day, guesses fixed at
 * `fixedAt` (T: the later of the evaluation date and the history's date), evaluated on that day.
 */
export function modelJssOn(history: History, rules: RuleSet, day: string, fixedAt: string): number | null {
  const asItStood = day < fixedAt ? rewindHistory(history, day, fixedAt).history : history;
  const prepared = prepare(asItStood, rules, day);
  return selectionOf(rules, stateAt(prepared, toDay(day)).totals).jss;
}

/**
 * Each observation up to the evaluation date (later ones are ignored, DESIGN §8), oldest first,
 * with the model's JSS that day. `history` is the history as written (not rewound); `dates` are
 * the evaluation date and the history's date H.
 */
export function againstObserved(
  history: History,
  rules: RuleSet,
  observed: readonly Observation[],
  dates: { evaluation: string; history: string },
): ObservedComparison[] {
  const fixedAt = laterDate(dates.evaluation, dates.history);
  return observed
    .filter((o) => o.date <= dates.evaluation)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((o) => ({ date: o.date, jss: o.jss, model: modelJssOn(history, rules, o.date, fixedAt) }));
}
