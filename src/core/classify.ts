import type { Day } from './dates.js';
import type { ContractFacts } from './facts.js';
import type { ClassifyRule, EndReason, Matcher, Outcome, Range, RuleSet } from './types.js';

/** Outcomes that count in a window's total. */
export type CountedOutcome = 'success' | 'neutral' | 'negative';
/** Outcomes that keep a contract out of every window. */
export type UncountedOutcome = Exclude<Outcome, CountedOutcome>;

export function counts(outcome: Outcome): outcome is CountedOutcome {
  return outcome === 'success' || outcome === 'neutral' || outcome === 'negative';
}

/** A contract that counts: with the outcome it counts with and the day from which it counts. */
export interface CountedClassification {
  outcome: CountedOutcome;
  rule: ClassifyRule;
  countDay: Day;
}

/** A contract that counts in no window (excluded, or still pending). */
export interface UncountedClassification {
  outcome: UncountedOutcome;
  rule: ClassifyRule;
  countDay: undefined;
}

/** The rule that decides a contract on a day: `countDay` tells whether it counts (and from when). */
export type Classification = CountedClassification | UncountedClassification;

export function isIdle(f: ContractFacts, day: Day): boolean {
  return f.open && day >= f.idleFrom;
}

/** The first rule whose matcher holds on `day` decides the outcome (the last rule, when none does). */
export function classify(f: ContractFacts, rules: RuleSet, day: Day): Classification {
  const idle = isIdle(f, day);
  const list = rules.classify;
  const matchers = fullMatchersOf(list);
  let rule = list[list.length - 1];
  for (let i = 0; i < list.length; i++) {
    if (matches(matchers[i], f, idle)) {
      rule = list[i];
      break;
    }
  }
  const outcome = rule.outcome;
  if (counts(outcome)) return { outcome, rule, countDay: countingDay(f, rule, idle, day) };
  return { outcome, rule, countDay: undefined };
}

/**
 * An ended contract counts from its end; an open one that counts because of its long-term client
 * from its last payment (or start); an idle open one from the day it turned idle. An open contract
 * that a custom rule counts for any other reason counts from the evaluation day.
 */
function countingDay(f: ContractFacts, rule: ClassifyRule, idle: boolean, day: Day): Day {
  if (!f.open) return f.end;
  const lastOrStart = f.lastPayment ?? f.start;
  if (rule.when.longTermClient === true) return lastOrStart;
  if (idle) return f.idleFrom;
  if (f.longTermClient) return lastOrStart;
  return day;
}

/**
 * A matcher with every key present (undefined where not given). Rules' matchers each have their
 * own keys; made alike once per rule list, they give `matches` one object shape to read.
 */
type FullMatcher = { [K in MatcherKey]: Matcher[K] };
type MatcherKey = keyof Matcher;

const fullMatchers = new WeakMap<readonly ClassifyRule[], FullMatcher[]>();

function fullMatchersOf(list: readonly ClassifyRule[]): FullMatcher[] {
  let matchers = fullMatchers.get(list);
  if (matchers === undefined || matchers.length !== list.length) {
    matchers = list.map(({ when: m }) => ({
      status: m.status,
      type: m.type,
      open: m.open,
      idle: m.idle,
      longTermClient: m.longTermClient,
      clientSuspended: m.clientSuspended,
      endedBy: m.endedBy,
      endReason: m.endReason,
      dispute: m.dispute,
      feedback: m.feedback,
      earnings: m.earnings,
      public: m.public,
      private: m.private,
    }));
    fullMatchers.set(list, matchers);
  }
  return matchers;
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
  if (m.endReason !== undefined && !reasonMatches(m.endReason, c.endReason)) return false;
  if (m.dispute !== undefined && c.dispute !== m.dispute) return false;
  if (m.feedback !== undefined) {
    const state = c.feedback === undefined ? 'unknown' : c.feedback === 'none' ? 'none' : 'given';
    if (state !== m.feedback) return false;
  }
  if (m.earnings !== undefined && !inRange(m.earnings, f.net)) return false;
  if (m.public === undefined && m.private === undefined) return true;
  const given = typeof c.feedback === 'object' ? c.feedback : undefined;
  if (m.public !== undefined && !inRange(m.public, given?.public)) return false;
  // `private: none` (there is none) is, to a matcher, no better known than a missing rating (DESIGN §2).
  const privateRating = given?.private === 'none' ? undefined : given?.private;
  if (m.private !== undefined && !inRange(m.private, privateRating)) return false;
  return true;
}

/** One reason or any of a list; a contract without a reason matches neither. */
function reasonMatches(wanted: EndReason | readonly EndReason[], reason: EndReason | undefined): boolean {
  if (reason === undefined) return false;
  return typeof wanted === 'string' ? wanted === reason : wanted.includes(reason);
}

/** `unknown` matches a missing value; a range never does. */
function inRange(range: Range | 'unknown', value: number | undefined): boolean {
  if (range === 'unknown') return value === undefined;
  if (value === undefined) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
