import { type Day, toDay, toIso } from './dates.js';
import type { Contract, RuleSet } from './types.js';

/** What the rules need to know about any contract, open or ended. */
interface CommonFacts {
  contract: Contract;
  /**
   * The contract's client as a number: the history's clients are numbered 0, 1, 2, … in the order
   * they first appear in its contracts (window totals count clients by these numbers).
   */
  clientIndex: number;
  /** Earnings − refunded, in whole cents. */
  net: number;
  start: Day;
  /** Payment dates, given or guessed; undefined when nothing was paid. */
  firstPayment?: Day;
  lastPayment?: Day;
  weight: number;
  longTermClient: boolean;
}

/** An active or paused contract: it has no end, and turns idle on `idleFrom` unless paid again. */
export interface OpenFacts extends CommonFacts {
  open: true;
  idleFrom: Day;
  end?: undefined;
}

/** An ended contract: it counts (if at all) from its end. */
export interface EndedFacts extends CommonFacts {
  open: false;
  end: Day;
  idleFrom?: undefined;
}

/** What the rules need to know about one contract, computed once per history and rule set. */
export type ContractFacts = OpenFacts | EndedFacts;

export interface FactsWarning {
  code: 'guessed-first-payment' | 'guessed-last-payment';
  contract: string;
  message: string;
  /** The contract is open: its guess matters more (a guessed last payment keeps it from turning idle). */
  open: boolean;
}

export interface FactsResult {
  facts: ContractFacts[];
  warnings: FactsWarning[];
  /** How many clients the contracts have (their `clientIndex`es are below it). */
  clientCount: number;
}

/**
 * Per-contract facts for `contracts` (in the same order). `guessDay` is the history's evaluation
 * date: an open contract's missing last payment is taken as that day, and it never moves.
 * Long-term status is decided over each client's contracts in the list, so pass every contract
 * of a client together. With a `cache` (one per rule set), a contract object seen before keeps
 * its facts and adds no warning: only for histories whose guesses do not depend on `guessDay`
 * (rewound ones, DESIGN §8), as a contract's facts are then its own.
 */
export function computeFacts(
  contracts: readonly Contract[],
  rules: RuleSet,
  guessDay: Day,
  cache?: WeakMap<Contract, ContractFacts>,
): FactsResult {
  const warnings: FactsWarning[] = [];
  const facts = cache
    ? contracts.map((contract) => {
        let f = cache.get(contract);
        if (!f) {
          f = contractFacts(contract, rules, guessDay, warnings);
          cache.set(contract, f);
        }
        // a copy: client numbers and long-term status are set on it, and differ between histories
        return copyFacts(f);
      })
    : contracts.map((contract) => contractFacts(contract, rules, guessDay, warnings));
  const clientCount = numberClients(facts);
  markLongTermClients(facts, clientCount, rules.longTerm.minSpanDays);
  return { facts, warnings, clientCount };
}

/** Sets every fact's `clientIndex` (clients in the order they first appear); returns their count. */
function numberClients(facts: ContractFacts[]): number {
  const numbers = new Map<string, number>();
  for (const f of facts) {
    const client = f.contract.client;
    let n = numbers.get(client);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(client, n);
    }
    f.clientIndex = n;
  }
  return numbers.size;
}

/** A copy of one contract's facts, with the keys in the order `contractFacts` makes them. */
function copyFacts(f: ContractFacts): ContractFacts {
  if (f.open)
    return {
      contract: f.contract,
      clientIndex: f.clientIndex,
      net: f.net,
      start: f.start,
      end: undefined,
      open: true,
      firstPayment: f.firstPayment,
      lastPayment: f.lastPayment,
      weight: f.weight,
      longTermClient: f.longTermClient,
      idleFrom: f.idleFrom,
    };
  return {
    contract: f.contract,
    clientIndex: f.clientIndex,
    net: f.net,
    start: f.start,
    end: f.end,
    open: false,
    firstPayment: f.firstPayment,
    lastPayment: f.lastPayment,
    weight: f.weight,
    longTermClient: f.longTermClient,
    idleFrom: undefined,
  };
}

/**
 * One contract's facts, but for its client's number and long-term status (decided over the
 * client's contracts): `clientIndex` is 0 and `longTermClient` false, for the caller to set on
 * the fresh object. Open and ended facts are built with the same keys in the same order: the hot
 * loops see one object shape. Guesses of missing payment dates are added to `warnings`.
 */
export function contractFacts(
  contract: Contract,
  rules: RuleSet,
  guessDay: Day,
  warnings: FactsWarning[],
): ContractFacts {
  // Money is whole cents: $3.00 − $2.99 is $0.01, not 0.0099999….
  const net = Math.round((contract.earnings - contract.refunded) * 100) / 100;
  const start = toDay(contract.start);
  if (contract.status === 'ended') {
    if (contract.end === undefined) throw new Error(`${contract.id}: an ended contract without an end`);
    const end = toDay(contract.end);
    const dates = paymentDates(contract, end, rules.idle.afterDays, warnings);
    return {
      contract,
      clientIndex: 0,
      net,
      start,
      end,
      open: false,
      firstPayment: dates?.first,
      lastPayment: dates?.last,
      weight: contractWeight(net, dates, rules),
      longTermClient: false,
      idleFrom: undefined,
    };
  }
  const dates = paymentDates(contract, guessDay, rules.idle.afterDays, warnings);
  return {
    contract,
    clientIndex: 0,
    net,
    start,
    end: undefined,
    open: true,
    firstPayment: dates?.first,
    lastPayment: dates?.last,
    weight: contractWeight(net, dates, rules),
    longTermClient: false,
    idleFrom: (dates?.last ?? start) + rules.idle.afterDays,
  };
}

interface PaymentDates {
  first: Day;
  last: Day;
  /** Sorted, when a payments list was given. */
  list?: Day[];
}

function paymentDates(
  contract: Contract,
  lastGuess: Day,
  idleAfterDays: number,
  warnings: FactsWarning[],
): PaymentDates | undefined {
  const open = contract.status !== 'ended';
  if (contract.earnings <= 0) return undefined;
  if (contract.payments && contract.payments.length > 0) {
    const list = contract.payments.map((p) => toDay(p.date)).sort((a, b) => a - b);
    return { first: list[0], last: list[list.length - 1], list };
  }
  let first: Day;
  if (contract.firstPayment !== undefined) first = toDay(contract.firstPayment);
  else {
    first = toDay(contract.start);
    warnings.push({
      code: 'guessed-first-payment',
      contract: contract.id,
      message: `${contract.id}: no first payment date given; taken as its start, ${contract.start}`,
      open,
    });
  }
  let last: Day;
  if (contract.lastPayment !== undefined) last = toDay(contract.lastPayment);
  else {
    last = lastGuess;
    const message = open
      ? `${contract.id}: no last payment date given; taken as paid on ${toIso(last)}, so it cannot turn idle before ${toIso(last + idleAfterDays)}: write its lastPayment`
      : `${contract.id}: no last payment date given; taken as its end, ${toIso(last)}`;
    warnings.push({ code: 'guessed-last-payment', contract: contract.id, message, open });
  }
  return { first, last };
}

/** Tier weight by net earnings, plus one per `periodDays` period with a payment, capped at `max`. */
export function contractWeight(net: number, dates: PaymentDates | undefined, rules: RuleSet): number {
  const { tiers, periodDays, max } = rules.weights;
  const tier = tiers.find((t) => t.upTo === undefined || net <= t.upTo) ?? tiers[tiers.length - 1];
  let bonus = 0;
  if (dates?.list) {
    const periods = new Set<number>();
    for (const day of dates.list) {
      const k = Math.floor((day - dates.first) / periodDays);
      if (k >= 1) periods.add(k);
    }
    bonus = periods.size;
  } else if (dates) {
    bonus = Math.floor((dates.last - dates.first) / periodDays);
  }
  return Math.min(max, tier.weight + bonus);
}

/** A client is long-term when its contracts' payments span more than `minSpanDays`. */
function markLongTermClients(facts: ContractFacts[], clientCount: number, minSpanDays: number): void {
  const first = new Float64Array(clientCount).fill(Infinity);
  const last = new Float64Array(clientCount).fill(-Infinity);
  for (const f of facts) {
    if (f.firstPayment === undefined || f.lastPayment === undefined) continue;
    const k = f.clientIndex;
    if (f.firstPayment < first[k]) first[k] = f.firstPayment;
    if (f.lastPayment > last[k]) last[k] = f.lastPayment;
  }
  // A client with nothing paid has last − first = −Infinity.
  for (const f of facts) f.longTermClient = last[f.clientIndex] - first[f.clientIndex] > minSpanDays;
}
