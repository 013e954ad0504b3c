import { type Classification, classify, counts } from './classify.js';
import type { Day } from './dates.js';
import type { DayState, PreparedHistory } from './evaluate.js';
import { type ContractFacts, contractFacts, type FactsWarning } from './facts.js';
import type { Contract } from './types.js';
import { countClient, type Selection, selectionOf, type Totals } from './windows.js';

/**
 * A history scored with a few of its contracts changed (a what-if), from the baseline's state on
 * a day instead of from scratch. A contract's facts are its own but for long-term status, which
 * its client's payment span decides; so a change re-derives the changed contracts, decides the
 * long-term status of their clients again from the span of the client's other contracts (kept
 * sorted once per client), and, only when that status flips, moves the client's other contracts
 * too (their combined move is worked out once per client and day). The window totals are moved by
 * the difference and restored after scoring: a change costs O(changed contracts × windows), not a
 * pass over the history or over the client's contracts (test/core/changed-contracts.test.ts
 * compares it with evaluating the changed history from scratch).
 */

/** Contracts of the baseline replaced by new versions (by index into `prepared.facts`), and new ones. */
export interface ContractChanges {
  replaced: { index: number; contract: Contract }[];
  added: Contract[];
}

/** The baseline's state on one day, ready to score changes against. */
export interface BaselineDay {
  prepared: PreparedHistory;
  day: Day;
  classes: readonly Classification[];
  /** Month-window totals (`monthWindows` order); moved while a change is scored, then restored exactly. */
  totals: Totals[];
  selection: Selection;
  /** The first day of each month window, in the order of `totals`. */
  starts: readonly Day[];
  spans: ClientSpans;
  /** Per client whose long-term status would flip: the move of all its contracts, made once. */
  flipMoves: Map<string, WindowMove[]>;
}

/**
 * How one month window's totals move: sums in whole millionths of weight, and counted contracts
 * per client number (only the clients that move).
 */
interface WindowMove {
  success: number;
  neutral: number;
  negative: number;
  outcomes: number;
  clients: Map<number, number>;
}

/** Weights are summed as whole millionths, as in windows.ts. */
const UNIT = 1_000_000;

/** The changed contracts' facts, whatever the day: new versions with their clients' long-term status. */
export interface ChangedFacts {
  /** Baseline indices replaced, in the order of `facts` (−1 for an added contract). */
  replaces: number[];
  /** The new versions' facts (long-term status included): the replaced ones, then the added ones. */
  facts: ContractFacts[];
  /** Clients with contracts in the baseline whose long-term status the change flips. */
  flipped: string[];
  /** Guessed payment dates of the new versions, in their order. */
  warnings: FactsWarning[];
}

/** The changed contracts on one day: their facts and their classifications that day. */
export interface DerivedChanges extends ChangedFacts {
  classes: Classification[];
}

export function baselineDay(
  prepared: PreparedHistory,
  state: DayState,
  spans = clientSpans(prepared),
): BaselineDay {
  return {
    prepared,
    day: state.day,
    classes: state.classes,
    totals: state.totals,
    selection: selectionOf(prepared.rules, state.totals),
    starts: state.starts,
    spans,
    flipMoves: new Map(),
  };
}

/**
 * The changed contracts' facts (guesses fixed at the baseline's evaluation date, as `prepare`
 * fixes them) and their clients' long-term status, decided from the spans of the clients' other
 * contracts and the new versions.
 */
export function changedFacts(
  prepared: PreparedHistory,
  spans: ClientSpans,
  changes: ContractChanges,
): ChangedFacts {
  const { rules } = prepared;
  const warnings: FactsWarning[] = [];
  const replaces: number[] = [];
  // Fresh objects: their client numbers and long-term status are set below.
  const facts: ContractFacts[] = [];
  for (const { index, contract } of changes.replaced) {
    replaces.push(index);
    facts.push(contractFacts(contract, rules, prepared.asOf, warnings));
  }
  for (const contract of changes.added) {
    replaces.push(-1);
    facts.push(contractFacts(contract, rules, prepared.asOf, warnings));
  }
  // Per client touched: the baseline contracts it loses (replaced), and its new contracts.
  const touched = new Map<string, { without: Set<number>; added: ContractFacts[] }>();
  const touch = (client: string) => {
    let t = touched.get(client);
    if (!t) {
      t = { without: new Set(), added: [] };
      touched.set(client, t);
    }
    return t;
  };
  for (const { index } of changes.replaced) touch(prepared.facts[index].contract.client).without.add(index);
  for (const f of facts) touch(f.contract.client).added.push(f);
  const longTerm = new Map<string, boolean>();
  const flipped: string[] = [];
  for (const [client, { without, added }] of touched) {
    const span = spans.without(client, without);
    let first = span?.first;
    let last = span?.last;
    for (const f of added) {
      if (f.firstPayment === undefined || f.lastPayment === undefined) continue;
      first = first === undefined ? f.firstPayment : Math.min(first, f.firstPayment);
      last = last === undefined ? f.lastPayment : Math.max(last, f.lastPayment);
    }
    const status = first !== undefined && last !== undefined && last - first > rules.longTerm.minSpanDays;
    longTerm.set(client, status);
    const before = spans.longTerm(client);
    if (before !== undefined && before !== status) flipped.push(client);
  }
  // Client numbers as the baseline has them; clients new to it numbered after its own.
  const newClients = new Map<string, number>();
  const clientIndex = (client: string): number => {
    const known = spans.clientIndex(client);
    if (known !== undefined) return known;
    let n = newClients.get(client);
    if (n === undefined) {
      n = prepared.clientCount + newClients.size;
      newClients.set(client, n);
    }
    return n;
  };
  for (const f of facts) {
    f.clientIndex = clientIndex(f.contract.client);
    f.longTermClient = longTerm.get(f.contract.client) === true;
  }
  return { replaces, facts, flipped, warnings };
}

/** The changed contracts' facts, classified on the baseline's day. */
export function classifyChanges(base: BaselineDay, changed: ChangedFacts): DerivedChanges {
  const { replaces, facts, flipped, warnings } = changed;
  return {
    replaces,
    facts,
    flipped,
    warnings,
    classes: facts.map((f) => classify(f, base.prepared.rules, base.day)),
  };
}

/** `changedFacts`, classified on the baseline's day. */
export function deriveChanges(base: BaselineDay, changes: ContractChanges): DerivedChanges {
  return classifyChanges(base, changedFacts(base.prepared, base.spans, changes));
}

/** Whether the changes leave every window as it is (each changed contract counts as before). */
export function changesNothing(base: BaselineDay, derived: DerivedChanges): boolean {
  if (derived.flipped.length > 0) return false;
  return derived.replaces.every((k, n) => {
    if (k < 0) return !counted(derived.classes[n], base.day);
    const f = base.prepared.facts[k];
    return sameShare(f, base.classes[k], derived.facts[n], derived.classes[n], base.day);
  });
}

/** The selection on the baseline's day with the changes made (the baseline's totals are restored after). */
export function selectionWith(base: BaselineDay, derived: DerivedChanges): Selection {
  if (changesNothing(base, derived)) return base.selection;
  const moves = base.starts.map(noMove);
  const flipped = new Set(derived.flipped);
  for (const client of derived.flipped) {
    flipMove(base, client).forEach((m, w) => {
      addMove(moves[w], m);
    });
  }
  derived.replaces.forEach((k, n) => {
    if (k >= 0) {
      // A replaced contract leaves with the share it has in the totals moved so far.
      const f = base.prepared.facts[k];
      const was = flipped.has(f.contract.client) ? flippedClass(base, f) : base.classes[k];
      contribute(moves, base, f, was, -1);
    }
    contribute(moves, base, derived.facts[n], derived.classes[n], 1);
  });
  base.totals.forEach((t, w) => {
    moveTotals(t, moves[w], 1);
  });
  const selection = selectionOf(base.prepared.rules, base.totals);
  base.totals.forEach((t, w) => {
    moveTotals(t, moves[w], -1);
  });
  return selection;
}

function counted(c: Classification, day: Day): boolean {
  return c.countDay !== undefined && counts(c.outcome) && c.countDay <= day;
}

/** Whether two versions of a contract have the same share of every window on `day`. */
function sameShare(
  a: ContractFacts,
  ac: Classification,
  b: ContractFacts,
  bc: Classification,
  day: Day,
): boolean {
  const inA = counted(ac, day);
  const inB = counted(bc, day);
  if (!inA || !inB) return inA === inB;
  return (
    ac.outcome === bc.outcome &&
    ac.countDay === bc.countDay &&
    a.weight === b.weight &&
    a.clientIndex === b.clientIndex
  );
}

/** A baseline contract's classification with its client's long-term status the other way round. */
function flippedClass(base: BaselineDay, f: ContractFacts): Classification {
  return classify({ ...f, longTermClient: !f.longTermClient }, base.prepared.rules, base.day);
}

/** How the window totals move when every baseline contract of `client` changes long-term status. */
function flipMove(base: BaselineDay, client: string): WindowMove[] {
  let moves = base.flipMoves.get(client);
  if (!moves) {
    const made = base.starts.map(noMove);
    for (const k of base.spans.contractsOf(client)) {
      const f = base.prepared.facts[k];
      contribute(made, base, f, base.classes[k], -1);
      contribute(made, base, f, flippedClass(base, f), 1);
    }
    moves = made;
    base.flipMoves.set(client, moves);
  }
  return moves;
}

function noMove(): WindowMove {
  return { success: 0, neutral: 0, negative: 0, outcomes: 0, clients: new Map() };
}

/** Adds (1) or removes (−1) one contract's share of the month windows on the baseline's day. */
function contribute(
  moves: WindowMove[],
  base: BaselineDay,
  f: ContractFacts,
  c: Classification,
  sign: 1 | -1,
): void {
  const { countDay, outcome } = c;
  if (countDay === undefined || !counts(outcome) || countDay > base.day) return;
  const units = sign * Math.round(f.weight * UNIT);
  base.starts.forEach((start, w) => {
    if (countDay < start) return;
    const m = moves[w];
    m[outcome] += units;
    m.outcomes += sign;
    m.clients.set(f.clientIndex, (m.clients.get(f.clientIndex) ?? 0) + sign);
  });
}

/** m += d. */
function addMove(m: WindowMove, d: WindowMove): void {
  m.success += d.success;
  m.neutral += d.neutral;
  m.negative += d.negative;
  m.outcomes += d.outcomes;
  for (const [client, n] of d.clients) m.clients.set(client, (m.clients.get(client) ?? 0) + n);
}

/** t += sign × m. */
function moveTotals(t: Totals, m: WindowMove, sign: 1 | -1): void {
  t.success += sign * m.success;
  t.neutral += sign * m.neutral;
  t.negative += sign * m.negative;
  t.outcomes += sign * m.outcomes;
  for (const [client, n] of m.clients) countClient(t, client, sign * n);
}

// ---- clients' payment spans ----------------------------------------------------------------

/** Each client's contracts and payment span in a history, for deciding long-term status again. */
export interface ClientSpans {
  /** Indices into `prepared.facts` of the client's contracts, in file order (none for a client not in the history). */
  contractsOf(client: string): ArrayLike<number> & Iterable<number>;
  /** The client's long-term status in the baseline; undefined for a client not in the history. */
  longTerm(client: string): boolean | undefined;
  /** The client's number in the baseline (`clientIndex`); undefined for a client not in the history. */
  clientIndex(client: string): number | undefined;
  /** The client's payment span without the contracts at `without`; undefined when none of the rest was paid. */
  without(client: string, without: ReadonlySet<number>): { first: Day; last: Day } | undefined;
}

export function clientSpans(prepared: PreparedHistory): ClientSpans {
  const { facts, clientCount } = prepared;
  // Client k's contracts, in file order, are order[from[k]] … order[from[k + 1] − 1]: a counting
  // sort by client number, so that 100,000 contracts cost no lookup by name.
  const from = new Int32Array(clientCount + 1);
  for (let i = 0; i < facts.length; i++) from[facts[i].clientIndex + 1]++;
  for (let k = 0; k < clientCount; k++) from[k + 1] += from[k];
  const order = new Int32Array(facts.length);
  const next = from.slice(0, clientCount);
  for (let i = 0; i < facts.length; i++) order[next[facts[i].clientIndex]++] = i;
  // Names to numbers: clients are few beside contracts, and only changed clients are looked up.
  const numbers = new Map<string, number>();
  for (let k = 0; k < clientCount; k++) numbers.set(facts[order[from[k]]].contract.client, k);
  const contractsOf = (k: number) => order.subarray(from[k], from[k + 1]);
  // Sorted lazily, once per client asked about: paid contracts by first payment, and by last payment (latest first).
  const sorted = new Map<number, { byFirst: number[]; byLast: number[] }>();
  const sortedOf = (k: number) => {
    let s = sorted.get(k);
    if (!s) {
      const paid = Array.from(contractsOf(k)).filter((i) => facts[i].firstPayment !== undefined);
      const first = (i: number) => facts[i].firstPayment ?? 0;
      const last = (i: number) => facts[i].lastPayment ?? 0;
      s = {
        byFirst: [...paid].sort((a, b) => first(a) - first(b)),
        byLast: paid.sort((a, b) => last(b) - last(a)), // `paid` is this call's own array
      };
      sorted.set(k, s);
    }
    return s;
  };
  const firstNotIn = (list: readonly number[], without: ReadonlySet<number>) =>
    list.find((i) => !without.has(i));
  return {
    contractsOf: (client) => {
      const k = numbers.get(client);
      return k === undefined ? [] : contractsOf(k);
    },
    longTerm: (client) => {
      const k = numbers.get(client);
      return k === undefined ? undefined : facts[order[from[k]]].longTermClient;
    },
    clientIndex: (client) => numbers.get(client),
    without: (client, without) => {
      const k = numbers.get(client);
      if (k === undefined) return undefined;
      const { byFirst, byLast } = sortedOf(k);
      const i = firstNotIn(byFirst, without);
      const j = firstNotIn(byLast, without);
      const first = i === undefined ? undefined : facts[i].firstPayment;
      const last = j === undefined ? undefined : facts[j].lastPayment;
      return first === undefined || last === undefined ? undefined : { first, last };
    },
  };
}
