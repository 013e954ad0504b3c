import type { Day } from './dates.js';
import type { ContractFacts } from './facts.js';
import type { ClassifyRule, Matcher, Outcome, Range, RuleSet } from './types.js';

/** Outcomes that count in a window's total. */
export type CountedOutcome = 'success' | 'neutral' | 'negative';

export function counts(outcome: Outcome): outcome is CountedOutcome {
  return outcome === 'success' || outcome === 'neutral' || outcome === 'negative';
}

export interface Classification {
  outcome: Outcome;
  rule: ClassifyRule;
  /** The day from which a counted outcome counts; undefined when the outcome does not count. */
  countDay?: Day;
}

export function isIdle(f: ContractFacts, day: Day): boolean {
  return f.idleFrom !== undefined && day >= f.idleFrom;
}

/** The first rule whose matcher holds on `day` decides the outcome. */
export function classify(f: ContractFacts, rules: RuleSet, day: Day): Classification {
  const idle = isIdle(f, day);
  const rule =
    rules.classify.find((r) => matches(r.when, f, idle)) ?? rules.classify[rules.classify.length - 1];
  if (!counts(rule.outcome)) return { outcome: rule.outcome, rule };
  return { outcome: rule.outcome, rule, countDay: countingDay(f, rule, idle, day) };
}

/**
 * An ended contract counts from its end; an open one that counts because of its long-term client
 * from its last payment (or start); an idle open one from the day it turned idle. An open contract
 * that a custom rule counts for any other reason counts from the evaluation day.
 */
function countingDay(f: ContractFacts, rule: ClassifyRule, idle: boolean, day: Day): Day {
  if (!f.open) return f.end as Day;
  const lastOrStart = f.lastPayment ?? f.start;
  if (rule.when.longTermClient === true) return lastOrStart;
  if (idle) return f.idleFrom as Day;
  if (f.longTermClient) return lastOrStart;
  return day;
}

export function matches(m: Matcher, f: ContractFacts, idle: boolean): boolean {
  const c = f.contract;
  if (m.status !== undefined && c.status !== m.status) return false;
  if (m.type !== undefined && c.type !== m.type) return false;
  if (m.open !== undefined && f.open !== m.open) return false;
  if (m.idle !== undefined && idle !== m.idle) return false;
  if (m.longTermClient !== undefined && f.longTermClient !== m.longTermClient) return false;
  if (m.clientSuspended !== undefined && c.clientSuspended !== m.clientSuspended) return false;
  if (m.endedBy !== undefined && c.endedBy !== m.endedBy) return false;
  if (m.endReason !== undefined) {
    const reasons = Array.isArray(m.endReason) ? m.endReason : [m.endReason];
    if (c.endReason === undefined || !reasons.includes(c.endReason)) return false;
  }
  if (m.dispute !== undefined && c.dispute !== m.dispute) return false;
  if (m.feedback !== undefined) {
    const state = c.feedback === undefined ? 'unknown' : c.feedback === 'none' ? 'none' : 'given';
    if (state !== m.feedback) return false;
  }
  const given = typeof c.feedback === 'object' ? c.feedback : undefined;
  if (m.earnings !== undefined && !inRange(m.earnings, f.net)) return false;
  if (m.public !== undefined && !inRange(m.public, given?.public)) return false;
  // `private: none` (there is none) is, to a matcher, as unknown as a missing rating (DESIGN §2).
  const privateRating = given?.private === 'none' ? undefined : given?.private;
  if (m.private !== undefined && !inRange(m.private, privateRating)) return false;
  return true;
}

/** `unknown` matches a missing value; a range never does. */
function inRange(range: Range | 'unknown', value: number | undefined): boolean {
  if (range === 'unknown') return value === undefined;
  if (value === undefined) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
