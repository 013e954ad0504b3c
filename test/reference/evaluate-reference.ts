/**
 * A second, deliberately plain implementation of the scoring model of DESIGN.md §2, written from
 * the text alone, to check `src/core/evaluate.ts` against. Nothing here is fast or clever: every
 * evaluation recomputes every fact, dates are compared as JavaScript `Date`s built from ISO
 * strings, and each DESIGN sentence is quoted beside the code that implements it.
 */
import type {
  ClassifyRule,
  Contract,
  FeedbackGiven,
  History,
  Matcher,
  Outcome,
  Range,
  RuleSet,
  WindowDef,
} from '../../src/core/types.js';

export interface ReferenceWindow {
  name: string;
  score: number | null;
  eligible: boolean;
  success: number | null;
  neutral: number | null;
  negative: number | null;
  total: number | null;
  outcomes: number | null;
  clients: number | null;
}

export interface ReferenceContract {
  id: string;
  outcome: Outcome;
  rule: string;
  weight: number;
  countedFrom: string | null;
  windows: string[];
}

export interface ReferenceResult {
  jss: number | null;
  score: number | null;
  shown: boolean;
  window: string | null;
  windows: ReferenceWindow[];
  contracts: ReferenceContract[];
}

// ---- dates, with Date objects on ISO strings ----------------------------------------------------

const MS_PER_DAY = 24 * 60 * 60 * 1000;

function dateOf(iso: string): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new Error(`reference: not a calendar date: ${iso}`);
  }
  return d;
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((dateOf(b).getTime() - dateOf(a).getTime()) / MS_PER_DAY);
}

function addDays(iso: string, days: number): string {
  const d = dateOf(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/** "the evaluation date minus M calendar months (the day clamped to the month's end)". */
export function minusMonths(iso: string, months: number): string {
  const d = dateOf(iso);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth() - months; // 0-based, may go negative
  while (month < 0) {
    month += 12;
    year -= 1;
  }
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDayOfMonth);
  return isoOf(new Date(Date.UTC(year, month, day)));
}

function earliest(dates: string[]): string {
  return dates.reduce((a, b) => (dateOf(b) < dateOf(a) ? b : a));
}

function latest(dates: string[]): string {
  return dates.reduce((a, b) => (dateOf(b) > dateOf(a) ? b : a));
}

// ---- payment dates -----------------------------------------------------------------------------

interface PaymentDates {
  /** Every payment date known or guessed (a list's dates, or first and last). */
  all: string[];
  first: string | null;
  last: string | null;
  /** True when the dates come from a `payments` list. */
  fromList: boolean;
}

function isOpen(c: Contract): boolean {
  return c.status === 'active' || c.status === 'paused';
}

/**
 * "A contract's payment dates are its `payments` dates if given, else `firstPayment`/`lastPayment`.
 * If gross earnings > 0 and a date is missing, `firstPayment` is `start`, and `lastPayment` is `end`
 * (ended) or the history's evaluation date (open: taken as paid recently). A contract with gross
 * earnings 0 has no payment dates."
 */
function paymentDates(c: Contract, historyAsOf: string): PaymentDates {
  if (c.earnings === 0) return { all: [], first: null, last: null, fromList: false };
  if (c.payments !== undefined && c.payments.length > 0) {
    const all = c.payments.map((p) => p.date);
    return { all, first: earliest(all), last: latest(all), fromList: true };
  }
  const first = c.firstPayment ?? c.start;
  const last = c.lastPayment ?? (c.status === 'ended' ? c.end! : historyAsOf);
  return { all: [first, last], first, last, fromList: false };
}

// ---- per-contract facts ------------------------------------------------------------------------

function netEarnings(c: Contract): number {
  // Money is USD to the cent (DESIGN §1), so the difference is taken in cents.
  return Math.round(c.earnings * 100 - c.refunded * 100) / 100;
}

/**
 * "the latest payment date over all of a client's contracts is more than `minSpanDays` days after
 * the earliest. Every contract of the client counts, suspended or refunded ones included."
 */
function isLongTermClient(client: string, history: History, rules: RuleSet, asOf: string): boolean {
  const dates: string[] = [];
  for (const c of history.contracts) {
    if (c.client === client) dates.push(...paymentDates(c, asOf).all);
  }
  if (dates.length === 0) return false;
  return daysBetween(earliest(dates), latest(dates)) > rules.longTerm.minSpanDays;
}

/** "an open contract is idle on a day D when D is at least `afterDays` days after its last payment date (or its `start`, if it has none)." */
function isIdle(c: Contract, pay: PaymentDates, day: string, rules: RuleSet): boolean {
  if (!isOpen(c)) return false;
  const from = pay.last ?? c.start;
  return daysBetween(from, day) >= rules.idle.afterDays;
}

/**
 * "Weight = the weight of the first tier whose `upTo` ≥ net earnings (a $0 contract takes the first
 * tier), plus the bonus, capped at `max`."
 */
function weightOf(c: Contract, pay: PaymentDates, rules: RuleSet): number {
  const net = netEarnings(c);
  const tier = rules.weights.tiers.find((t) => t.upTo === undefined || t.upTo >= net)!;
  const period = rules.weights.periodDays;
  let bonus = 0;
  if (pay.fromList) {
    // "the number of periods k ≥ 1 such that some payment falls on day `first + k·periodDays` up
    // to the day before `first + (k+1)·periodDays` (first = the earliest payment)."
    const first = pay.first!;
    const last = pay.last!;
    for (let k = 1; dateOf(addDays(first, k * period)) <= dateOf(last); k++) {
      const from = dateOf(addDays(first, k * period));
      const to = dateOf(addDays(first, (k + 1) * period - 1));
      if (pay.all.some((d) => dateOf(d) >= from && dateOf(d) <= to)) bonus += 1;
    }
  } else if (pay.first !== null && pay.last !== null) {
    // "Without a list: the whole number of `periodDays` between firstPayment and lastPayment."
    bonus = Math.floor(daysBetween(pay.first, pay.last) / period);
  }
  return Math.min(tier.weight + bonus, rules.weights.max);
}

// ---- matching ----------------------------------------------------------------------------------

interface Facts {
  open: boolean;
  idle: boolean;
  longTermClient: boolean;
}

function inRange(value: number | undefined, range: Range | 'unknown'): boolean {
  if (range === 'unknown') return value === undefined;
  // "A range never matches a missing value."
  if (value === undefined) return false;
  if (range.min !== undefined && value < range.min) return false;
  if (range.max !== undefined && value > range.max) return false;
  return true;
}

function feedbackValue(c: Contract, key: keyof FeedbackGiven): number | undefined {
  if (c.feedback === undefined || c.feedback === 'none') return undefined;
  const value = c.feedback[key];
  // "`private: unknown` matches a missing private rating and `private: none` alike"; a range
  // matches neither.
  return value === 'none' ? undefined : value;
}

function matches(when: Matcher, c: Contract, facts: Facts): boolean {
  if (when.status !== undefined && c.status !== when.status) return false;
  if (when.type !== undefined && c.type !== when.type) return false;
  if (when.open !== undefined && facts.open !== when.open) return false;
  if (when.idle !== undefined && facts.idle !== when.idle) return false;
  if (when.longTermClient !== undefined && facts.longTermClient !== when.longTermClient) return false;
  if (when.clientSuspended !== undefined && c.clientSuspended !== when.clientSuspended) return false;
  if (when.endedBy !== undefined && c.endedBy !== when.endedBy) return false;
  if (when.endReason !== undefined) {
    const reasons = Array.isArray(when.endReason) ? when.endReason : [when.endReason];
    if (c.endReason === undefined || !reasons.includes(c.endReason)) return false;
  }
  if (when.dispute !== undefined && c.dispute !== when.dispute) return false;
  if (when.feedback !== undefined) {
    const kind = c.feedback === undefined ? 'unknown' : c.feedback === 'none' ? 'none' : 'given';
    if (kind !== when.feedback) return false;
  }
  // "`earnings` in a matcher means net: earnings − refunded."
  if (when.earnings !== undefined && !inRange(netEarnings(c), when.earnings)) return false;
  if (when.public !== undefined && !inRange(feedbackValue(c, 'public'), when.public)) return false;
  if (when.private !== undefined && !inRange(feedbackValue(c, 'private'), when.private)) return false;
  return true;
}

function counts(outcome: Outcome): boolean {
  return outcome === 'success' || outcome === 'neutral' || outcome === 'negative';
}

/** The month windows, in rule-set order, whose span holds a counting date. */
function monthWindowsHolding(countedFrom: string, rules: RuleSet, at: string): string[] {
  const names: string[] = [];
  for (const def of rules.windows) {
    if ('average' in def) continue;
    const d = dateOf(countedFrom);
    if (d >= dateOf(minusMonths(at, def.months)) && d <= dateOf(at)) names.push(def.name);
  }
  return names;
}

// ---- score -------------------------------------------------------------------------------------

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

interface Classified {
  contract: Contract;
  rule: ClassifyRule;
  weight: number;
  countedFrom: string | null;
}

/**
 * Evaluates a history under a rule set: `asOf` is the history's evaluation date (where guessed
 * payment dates are fixed), `at` the day scored (default `asOf`).
 */
export function referenceEvaluate(
  history: History,
  rules: RuleSet,
  options: { asOf: string; at?: string },
): ReferenceResult {
  const asOf = options.asOf;
  const at = options.at ?? asOf;

  const classified: Classified[] = history.contracts.map((c) => {
    const pay = paymentDates(c, asOf);
    const facts: Facts = {
      open: isOpen(c),
      idle: isIdle(c, pay, at, rules),
      longTermClient: isLongTermClient(c.client, history, rules, asOf),
    };
    const rule = rules.classify.find((r) => matches(r.when, c, facts));
    if (!rule) throw new Error(`reference: no rule matches ${c.id}`);
    let countedFrom: string | null = null;
    if (counts(rule.outcome)) {
      if (c.status === 'ended') {
        countedFrom = c.end!;
      } else if (rule.when.longTermClient === true) {
        // "an open contract that matched because of its long-term client from its last payment date (or `start`)"
        countedFrom = pay.last ?? c.start;
      } else if (facts.idle) {
        // "an idle open contract from its last payment date (or `start`) + `afterDays`"
        countedFrom = addDays(pay.last ?? c.start, rules.idle.afterDays);
      } else if (facts.longTermClient) {
        // DESIGN is silent when a rule before long-term-client decides an open contract that only
        // its long-term client let past the pending rule (pessimistic's dispute-lost, say): it
        // counts as the long-term rule would count it, from its last payment date (or start).
        countedFrom = pay.last ?? c.start;
      } else {
        throw new Error(`reference: DESIGN gives no counting date for open contract ${c.id} (${rule.name})`);
      }
    }
    return { contract: c, rule, weight: weightOf(c, pay, rules), countedFrom };
  });

  const windows: ReferenceWindow[] = [];

  const byName = new Map<string, WindowDef>(rules.windows.map((w) => [w.name, w]));
  const computed = new Map<string, ReferenceWindow>();

  const compute = (def: WindowDef): ReferenceWindow => {
    const done = computed.get(def.name);
    if (done) return done;
    let result: ReferenceWindow;
    if ('average' in def) {
      const parts = def.average.map((name) => compute(byName.get(name)!));
      const scores = parts.map((p) => p.score);
      const score = scores.some((s) => s === null)
        ? null
        : round9(scores.reduce((a, b) => a! + b!, 0)! / scores.length);
      result = {
        name: def.name,
        score,
        eligible: parts.every((p) => p.eligible),
        success: null,
        neutral: null,
        negative: null,
        total: null,
        outcomes: null,
        clients: null,
      };
    } else {
      // "on or after the evaluation date minus M calendar months ... and not after the evaluation date"
      const from = dateOf(minusMonths(at, def.months));
      const to = dateOf(at);
      const inside = classified.filter((k) => {
        if (k.countedFrom === null) return false;
        const d = dateOf(k.countedFrom);
        return d >= from && d <= to;
      });
      let success = 0;
      let neutral = 0;
      let negative = 0;
      let total = 0;
      for (const k of inside) {
        if (k.rule.outcome === 'success') success += k.weight;
        if (k.rule.outcome === 'neutral') neutral += k.weight;
        if (k.rule.outcome === 'negative') negative += k.weight;
        total += k.weight;
      }
      const numerator = rules.formula === 'net' ? Math.max(0, success - negative) : success;
      const clients = new Set(inside.map((k) => k.contract.client)).size;
      result = {
        name: def.name,
        score: total === 0 ? null : round9((100 * numerator) / total),
        eligible: inside.length >= rules.eligibility.minOutcomes && clients >= rules.eligibility.minClients,
        success,
        neutral,
        negative,
        total,
        outcomes: inside.length,
        clients,
      };
    }
    computed.set(def.name, result);
    return result;
  };

  for (const def of rules.windows) windows.push(compute(def));

  const shown = windows.find((w) => w.name === rules.shownWhen.window)!.eligible;
  let best: ReferenceWindow | null = null;
  if (shown) {
    rules.windows.forEach((def, i) => {
      const w = windows[i];
      if (def.display === false || !w.eligible || w.score === null) return;
      if (best === null || w.score > best.score!) best = w;
    });
  }
  const chosen = best as ReferenceWindow | null;
  const score = chosen ? chosen.score : null;
  const jss =
    score === null ? null : rules.rounding === 'floor' ? Math.floor(score) : Math.floor(score + 0.5);

  return {
    jss,
    score,
    shown: shown && chosen !== null,
    window: chosen ? chosen.name : null,
    windows,
    contracts: classified.map((k) => ({
      id: k.contract.id,
      outcome: k.rule.outcome,
      rule: k.rule.name,
      weight: k.weight,
      countedFrom: k.countedFrom,
      windows: k.countedFrom === null ? [] : monthWindowsHolding(k.countedFrom, rules, at),
    })),
  };
}
