import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, prepare } from '../../src/core/evaluate.js';
import { forecast } from '../../src/core/forecast.js';
import type { Contract, History, RuleSet } from '../../src/core/types.js';
import { historyProblems } from '../../src/io/history-checks.js';
import { BUILTIN, loadRuleSet } from '../../src/rules/load-rules.js';
import { ASOF, contractsArb } from '../helpers/arbitrary.js';
import { repoRoot } from '../helpers/run-cli.js';
import { minusMonths, referenceEvaluate } from './evaluate-reference.js';
import { addDays, type Case, caseArb } from './history-arb.js';

/** Runs per rule set and generator; raise with JSS_REFERENCE_RUNS for a longer hunt. */
const RUNS = Number(process.env.JSS_REFERENCE_RUNS ?? 300);

const ruleSets = new Map<string, RuleSet>();
beforeAll(async () => {
  for (const name of BUILTIN) ruleSets.set(name, (await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
});

/** The engine's result cut to the fields the reference defines. */
function engineView(history: History, rules: RuleSet, asOf: string, at?: string) {
  const e = evaluate(history, rules, { asOf, at });
  // beside the reference's fields: each window's first day and the badges, from the same words
  e.windows.forEach((w, i) => {
    const def = rules.windows[i];
    expect(w.name).toBe(def.name);
    expect(w.from).toBe('months' in def ? minusMonths(at ?? asOf, def.months) : null);
  });
  // "Every guess is a warning in the report, never silent."
  const guesses = history.contracts.flatMap((c) =>
    c.earnings > 0 && !(c.payments && c.payments.length > 0)
      ? [
          ...(c.firstPayment === undefined ? [`${c.id} guessed-first-payment`] : []),
          ...(c.lastPayment === undefined ? [`${c.id} guessed-last-payment`] : []),
        ]
      : [],
  );
  expect(e.warnings.map((w) => `${w.contract} ${w.code}`)).toEqual(guesses);
  expect(e.badges).toEqual(
    rules.badges.map((b) => ({ name: b.name, min: b.min, met: e.jss !== null && e.jss >= b.min })),
  );
  return {
    jss: e.jss,
    score: e.score,
    shown: e.shown,
    window: e.window,
    windows: e.windows.map((w) => ({
      name: w.name,
      score: w.score,
      eligible: w.eligible,
      success: w.success,
      neutral: w.neutral,
      negative: w.negative,
      total: w.total,
      outcomes: w.outcomes,
      clients: w.clients,
    })),
    contracts: e.contracts.map((c) => ({
      id: c.id,
      outcome: c.outcome,
      rule: c.rule,
      weight: c.weight,
      countedFrom: c.countedFrom,
      windows: c.windows,
    })),
  };
}

function expectAgreement(history: History, rules: RuleSet, asOf: string, at?: string): void {
  const engine = engineView(history, rules, asOf, at);
  const reference = referenceEvaluate(history, rules, { asOf, at });
  // contracts first: a per-contract difference explains any window difference
  expect(engine.contracts).toEqual(reference.contracts);
  expect(engine.windows).toEqual(reference.windows);
  expect(engine).toEqual(reference);
}

function history(contracts: Contract[], asOf = ASOF): History {
  return { version: 1, asOf, contracts };
}

describe('the generator', () => {
  it('makes only valid histories', () => {
    fc.assert(
      fc.property(caseArb, ({ history, asOf, at }: Case) => {
        expect(historyProblems(history, asOf)).toEqual([]);
        expect(at >= asOf).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe.each(BUILTIN)('engine and reference agree under %s', (name) => {
  it('on random edge-heavy histories, at asOf and later', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(caseArb, ({ history, asOf, at }) => expectAgreement(history, rules, asOf, at)),
      { numRuns: RUNS },
    );
  });

  it('on the shared contractsArb histories, with guessed last payments', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(
        contractsArb({ guesses: true, clients: 4 }),
        fc.integer({ min: 0, max: 730 }),
        (contracts, later) => {
          expectAgreement(history(contracts), rules, ASOF, ASOF);
          expectAgreement(history(contracts), rules, ASOF, addDays(ASOF, later));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe.each(BUILTIN)('forecasts agree with the reference day by day under %s', (name) => {
  it('series points and threshold crossings', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 200 }), ({ history, asOf }, days) => {
        const until = addDays(asOf, days);
        const report = forecast(prepare(history, rules, asOf), { until, step: 'day' });
        const expected = [];
        for (let d = 0; d <= days; d++) {
          const at = addDays(asOf, d);
          const r = referenceEvaluate(history, rules, { asOf, at });
          expected.push({ date: at, jss: r.jss, score: r.score, window: r.window, shown: r.shown });
        }
        expect(report.series).toEqual(expected.map(({ shown: _, ...point }) => point));
        // "crossings are exact days": compare each day with the day before
        const crossings = [];
        for (let i = 1; i < expected.length; i++) {
          const [before, after] = [expected[i - 1], expected[i]];
          if (before.shown !== after.shown)
            crossings.push({ threshold: null, date: after.date, direction: after.shown ? 'up' : 'down' });
          for (const threshold of rules.thresholds) {
            const was = before.jss !== null && before.jss >= threshold;
            const is = after.jss !== null && after.jss >= threshold;
            if (was !== is) crossings.push({ threshold, date: after.date, direction: is ? 'up' : 'down' });
          }
        }
        expect(report.crossings).toEqual(crossings);
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 6)) },
    );
  });
});

// ---- hand-made cases ---------------------------------------------------------------------------

function ended(id: string, client: string, end: string, extra: Partial<Contract> = {}): Contract {
  return {
    id,
    client,
    type: 'fixed',
    status: 'ended',
    start: end,
    end,
    earnings: 500,
    refunded: 0,
    dispute: 'none',
    clientSuspended: false,
    endedBy: 'client',
    endReason: 'completed',
    feedback: { public: 5 },
    ...extra,
  };
}

describe('hand-made edge cases', () => {
  const rules = () => ruleSets.get('upwork-2024')!;

  it('a contract leaves the 6-month window when six months and one day old (2026-08-31)', () => {
    const asOf = '2026-08-31';
    const contracts = [
      ended('A', 'a', '2026-02-28'), // 2026-08-31 minus 6 months, clamped: in
      ended('B', 'b', '2026-02-27'), // one day older: out
      ended('C', 'c', '2026-08-31'),
    ];
    const r = referenceEvaluate(history(contracts, asOf), rules(), { asOf });
    expect(r.contracts.map((c) => c.windows)).toEqual([
      ['24m', '12m', '6m'],
      ['24m', '12m'],
      ['24m', '12m', '6m', '3m'],
    ]);
    expectAgreement(history(contracts, asOf), rules(), asOf);
  });

  it('leap-day evaluation: 2028-02-29 minus 12 months is 2027-02-28', () => {
    const asOf = '2028-02-29';
    const contracts = [
      ended('A', 'a', '2027-02-28'),
      ended('B', 'b', '2027-02-27'),
      ended('C', 'c', '2028-02-29'),
    ];
    const r = referenceEvaluate(history(contracts, asOf), rules(), { asOf });
    expect(r.contracts.map((c) => c.windows.includes('12m'))).toEqual([true, false, true]);
    for (const name of BUILTIN) expectAgreement(history(contracts, asOf), ruleSets.get(name)!, asOf);
  });

  it('an open contract turns idle exactly afterDays after its last payment, counted from that day', () => {
    const open: Contract = {
      ...ended('O', 'o', '2026-08-28'),
      status: 'active',
      start: '2026-06-01',
      end: undefined,
      endedBy: undefined,
      endReason: undefined,
      feedback: undefined,
      firstPayment: '2026-06-01',
      lastPayment: '2026-08-28', // + 90 days = 2026-11-26
    };
    delete open.end;
    const contracts = [open, ended('A', 'a', '2026-10-01'), ended('B', 'b', '2026-10-02')];
    const atDay = referenceEvaluate(history(contracts), rules(), { asOf: ASOF });
    expect(atDay.contracts[0]).toMatchObject({ outcome: 'neutral', rule: 'idle-paid', countedFrom: ASOF });
    const dayBefore = referenceEvaluate(history(contracts), rules(), { asOf: '2026-11-25' });
    expect(dayBefore.contracts[0]).toMatchObject({ outcome: 'pending', countedFrom: null });
    expectAgreement(history(contracts), rules(), ASOF);
    expectAgreement(history(contracts), rules(), '2026-11-25');
    for (const name of BUILTIN) expectAgreement(history(contracts), ruleSets.get(name)!, ASOF, '2027-06-30');
  });

  it('a guessed last payment of an open contract stays at asOf when scored later', () => {
    const open: Contract = {
      id: 'O',
      client: 'o',
      type: 'hourly',
      status: 'paused',
      start: '2026-01-10',
      earnings: 900,
      refunded: 0,
      dispute: 'none',
      clientSuspended: false,
    };
    const contracts = [open, ended('A', 'a', '2026-10-01'), ended('B', 'b', '2026-10-02')];
    // span start..asOf is far over 90 days: long-term client, counted from the guessed last payment
    const r = referenceEvaluate(history(contracts), rules(), { asOf: ASOF, at: '2027-05-01' });
    expect(r.contracts[0]).toMatchObject({ outcome: 'success', rule: 'long-term-client', countedFrom: ASOF });
    expect(r.contracts[0].weight).toBe(1.25 + 3);
    expectAgreement(history(contracts), rules(), ASOF, '2027-05-01');
  });

  it('long-term client: 91 days apart across contracts, not 90', () => {
    const c90 = [
      ended('A', 'x', '2026-01-01', { feedback: { public: 2 } }),
      ended('B', 'x', '2026-04-01', { feedback: { public: 2 } }), // 90 days later
      ended('C', 'y', '2026-05-01'),
    ];
    const r90 = referenceEvaluate(history(c90), rules(), { asOf: ASOF });
    expect(r90.contracts.map((c) => c.rule)).toEqual(['public-low', 'public-low', 'public-high']);
    const c91 = c90.map((c) => (c.id === 'B' ? { ...c, start: '2026-04-02', end: '2026-04-02' } : c));
    const r91 = referenceEvaluate(history(c91), rules(), { asOf: ASOF });
    expect(r91.contracts.map((c) => c.rule)).toEqual(['long-term-client', 'long-term-client', 'public-high']);
    expectAgreement(history(c90), rules(), ASOF);
    expectAgreement(history(c91), rules(), ASOF);
  });

  it('the payments-list bonus counts periods with a payment, not the span', () => {
    const c = ended('A', 'a', '2026-10-01', {
      start: '2026-01-01',
      earnings: 300,
      payments: [
        { date: '2026-01-01', amount: 100 },
        { date: '2026-07-01', amount: 100 }, // day 181: period k = 2 (days 180..269)
        { date: '2026-10-01', amount: 100 }, // day 273: period k = 3
      ],
    });
    const r = referenceEvaluate(history([c]), rules(), { asOf: ASOF });
    expect(r.contracts[0].weight).toBe(1.25 + 2);
    const span = { ...c, payments: undefined, firstPayment: '2026-01-01', lastPayment: '2026-10-01' };
    delete span.payments;
    expect(referenceEvaluate(history([span]), rules(), { asOf: ASOF }).contracts[0].weight).toBe(1.25 + 3);
    expectAgreement(history([c]), rules(), ASOF);
    expectAgreement(history([span]), rules(), ASOF);
  });

  it('net-earnings tiers, a $0 contract, a full refund, a suspended client and a lost dispute', () => {
    const contracts = [
      ended('T1', 'a', '2026-10-01', { earnings: 250 }),
      ended('T2', 'b', '2026-10-01', { earnings: 1000.01, refunded: 0.01 }),
      ended('T3', 'c', '2026-10-01', { earnings: 1000.01 }),
      ended('Z', 'd', '2026-10-01', { earnings: 0, feedback: { private: 3 } }),
      ended('R', 'e', '2026-10-01', { earnings: 800, refunded: 800, endReason: 'quality' }),
      ended('S', 'f', '2026-10-01', { clientSuspended: true, feedback: { public: 1 } }),
      ended('D', 'g', '2026-10-01', { dispute: 'lost' }),
    ];
    const r = referenceEvaluate(history(contracts), rules(), { asOf: ASOF });
    expect(r.contracts.map((c) => [c.rule, c.weight])).toEqual([
      ['public-high', 1],
      ['public-high', 1.25],
      ['public-high', 1.5],
      ['zero-earnings-detractor', 1],
      ['zero-earnings-blamed', 1],
      ['suspended-client', 1.25],
      ['dispute-lost', 1.25],
    ]);
    for (const name of BUILTIN) expectAgreement(history(contracts), ruleSets.get(name)!, ASOF);
  });

  it('an empty history shows no score', () => {
    const r = referenceEvaluate(history([]), rules(), { asOf: ASOF });
    expect(r).toMatchObject({ jss: null, score: null, shown: false, window: null });
    for (const name of BUILTIN) expectAgreement(history([]), ruleSets.get(name)!, ASOF, '2028-02-29');
  });
});
