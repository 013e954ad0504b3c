import fc from 'fast-check';
import { toDay, toIso } from '../../src/core/dates.js';
import type { Contract, EndReason, History, RuleSet } from '../../src/core/types.js';
import { DEFAULT_CLASSIFY, upwork2024 } from '../helpers/rules.js';

/**
 * Random histories for property tests: every contract states its payment dates, so nothing is
 * guessed and a plain evaluate() on any day sees exactly what the history says.
 */
export const RULE_SETS: RuleSet[] = [
  upwork2024(),
  upwork2024({ rounding: 'floor', thresholds: [95, 50], idle: { afterDays: 30 } }),
  // Open contracts counted while active (from the evaluation day itself), negative once idle.
  upwork2024({
    name: 'custom',
    idle: { afterDays: 200 },
    eligibility: { minOutcomes: 1, minClients: 1 },
    classify: [
      { name: 'open-active', when: { open: true, idle: false }, outcome: 'neutral' },
      { name: 'open-idle', when: { open: true, idle: true }, outcome: 'negative' },
      ...DEFAULT_CLASSIFY.slice(1),
    ],
  }),
];

export const AS_OF = ['2026-11-26', '2026-08-31', '2024-02-29', '2027-01-31'];
const REASONS: EndReason[] = ['completed', 'no-longer-needed', 'quality', 'hired-different'];

export const contractArb = fc.record({
  client: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  status: fc.constantFrom('ended', 'ended', 'active', 'paused'),
  startAgo: fc.integer({ min: 0, max: 900 }),
  length: fc.integer({ min: 0, max: 300 }),
  earnings: fc.constantFrom(0, 120, 600, 2500),
  firstAt: fc.double({ min: 0, max: 1, noNaN: true }),
  lastAt: fc.double({ min: 0, max: 1, noNaN: true }),
  feedback: fc.option(
    fc.oneof(
      fc.constant('none' as const),
      fc.record(
        { public: fc.constantFrom(2, 4, 5), private: fc.integer({ min: 0, max: 10 }) },
        { requiredKeys: [] },
      ),
    ),
    { nil: undefined },
  ),
  endReason: fc.constantFrom(...REASONS),
  dispute: fc.constantFrom('none', 'none', 'none', 'lost'),
  clientSuspended: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

export type Raw = typeof contractArb extends fc.Arbitrary<infer T> ? T : never;

export function build(raw: Raw, i: number, asOf: number): Contract {
  const start = asOf - raw.startAgo;
  const open = raw.status !== 'ended';
  const end = Math.min(asOf, start + raw.length);
  const last = open ? asOf : end; // payments lie within start..end, or start..asOf while open
  const c: Contract = {
    id: `C${i}`,
    client: raw.client,
    type: 'fixed',
    status: raw.status,
    start: toIso(start),
    earnings: raw.earnings,
    refunded: 0,
    dispute: raw.dispute,
    clientSuspended: raw.clientSuspended,
  };
  if (raw.feedback !== undefined) c.feedback = raw.feedback;
  if (!open) {
    c.end = toIso(end);
    c.endReason = raw.endReason;
    c.endedBy = 'client';
  }
  if (raw.earnings > 0) {
    const first = start + Math.floor(raw.firstAt * (last - start));
    c.firstPayment = toIso(first);
    c.lastPayment = toIso(first + Math.floor(raw.lastAt * (last - first)));
  }
  return c;
}

export interface HistoryCase {
  asOf: string;
  /** Index into RULE_SETS (an index keeps counterexamples short). */
  rules: number;
  history: History;
}

/** An evaluation date, a rule set and up to `maxContracts` contracts. */
export function historyCase(maxContracts = 10): fc.Arbitrary<HistoryCase> {
  return fc
    .tuple(
      fc.constantFrom(...AS_OF),
      fc.integer({ min: 0, max: RULE_SETS.length - 1 }),
      fc.array(contractArb, { maxLength: maxContracts }),
    )
    .map(([asOf, rules, raws]) => ({
      asOf,
      rules,
      history: { version: 1, asOf, contracts: raws.map((r, i) => build(r, i, toDay(asOf))) },
    }));
}
