import type { CountedOutcome } from './classify.js';
import type { Outcome, RuleSet } from './types.js';

/**
 * What the exact search behind `jss infer` (DESIGN §8) works on: a problem reduced to numbers. The
 * days that matter (observations and the evaluation date), each month window's totals from the
 * contracts whose facts are all known, and for each contract with a hidden fact the distinct
 * *options* its values give: the outcome it counts with on each day, its outcome and verdicts on
 * its end day. `infer.ts` builds it, `infer-bounds.ts` bounds its scores, `infer-search.ts`
 * searches it.
 */

/** Outcome on a day as a bit: success 1, neutral 2, negative 4, not counted 8. */
export const SUCCESS = 1;
export const NEUTRAL = 2;
export const NEGATIVE = 4;
export const NONE = 8;

export function outcomeBit(outcome: CountedOutcome | null): number {
  if (outcome === 'success') return SUCCESS;
  if (outcome === 'neutral') return NEUTRAL;
  if (outcome === 'negative') return NEGATIVE;
  return NONE;
}

/** Month-window totals in whole millionths of weight. */
export interface FixedTotals {
  success: number;
  neutral: number;
  negative: number;
  outcomes: number;
  /** Client numbers of the counted contracts. */
  clients: number[];
}

export interface SearchDay {
  /** The observed JSS (null: no score shown); undefined when the day is not an observation. */
  observed?: number | null;
  /** Per month window (rule-set order of the month windows): totals of the contracts not searched. */
  fixed: FixedTotals[];
}

export interface SearchOption {
  /** Per day: the outcome the contract counts with in the windows it is in that day (null: none). */
  perDay: (CountedOutcome | null)[];
  /** The outcome on its end day, which `explanations` compare with the file's reading. */
  endOutcome: Outcome;
  /** Indices into the contract's `verdicts` that values of this option give. */
  verdicts: number[];
}

export interface SearchVar {
  client: number;
  /** Weight in whole millionths. */
  weight: number;
  /** Per day, per month window: whether the contract is in that window that day (when counted). */
  member: boolean[][];
  options: SearchOption[];
  /** The option of the file's own reading. */
  fileOption: number;
  /** Distinct verdicts, in classify-table order. */
  verdicts: { rule: string; outcome: Outcome }[];
}

export interface SearchProblem {
  rules: RuleSet;
  days: SearchDay[];
  vars: SearchVar[];
  /** How many distinct client numbers there are. */
  clients: number;
}

/** `null` stands for "no score shown" and ranks below 0. */
export type Jss = number | null;
