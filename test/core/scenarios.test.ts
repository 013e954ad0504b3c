import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/core/evaluate.js';
import { pendingScenarios } from '../../src/core/scenarios.js';
import type { Contract, RuleSet, Scenario } from '../../src/core/types.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const ASOF = '2026-11-26';
const ENDS = { status: 'ended', endedBy: 'client', endReason: 'completed' } as const;

/** Three $100 successes for clients a, b and c: 100%. */
function threeSuccesses(): Contract[] {
  return ['a', 'b', 'c'].map((client) =>
    contract({
      id: client.toUpperCase(),
      client,
      earnings: 100,
      end: '2026-10-01',
      firstPayment: '2026-10-01',
      lastPayment: '2026-10-01',
    }),
  );
}

/** An open $100 contract for client d, paid 2026-11-20. */
function openOne(fields: Partial<Contract> = {}): Contract {
  return contract({
    id: 'O',
    client: 'd',
    status: 'active',
    start: '2026-11-01',
    earnings: 100,
    firstPayment: '2026-11-20',
    lastPayment: '2026-11-20',
    ...fields,
  });
}

function pending(contracts: Contract[], rules: RuleSet, horizonDays = 90) {
  const prepared = prepare(history(contracts, ASOF), rules, ASOF);
  return pendingScenarios(prepared, horizonDays);
}

const scenario = (name: string, label: string, privates: [string, number][]): Scenario => ({
  name,
  label,
  set: ENDS,
  outcomes: privates.map(([o, p]) => ({ name: o, feedback: { private: p } })),
});

describe('pendingScenarios', () => {
  it('gives every open contract (active or paused) the catalog, and no ended contract any', () => {
    const contracts = [...threeSuccesses(), openOne(), openOne({ id: 'P', client: 'e', status: 'paused' })];
    const result = pending(contracts, upwork2024());
    expect(result.map((p) => p.id)).toEqual(['O', 'P']);
    expect(result[0].scenarios.map((s) => s.name)).toEqual([
      'keep-working',
      'leave-open',
      'freelancer-closes',
      'client-completes',
      'client-cancels',
      'client-unhappy',
    ]);
    expect(result[0].scenarios[4].outcomes.map((o) => o.name)).toEqual([
      'recommends',
      'lukewarm',
      'unhappy',
      'silent',
    ]);
  });

  it('scores each outcome now and at the horizon against the baseline on the same day', () => {
    const rules = upwork2024({
      scenarios: [
        scenario('end', 'End it', [
          ['great', 10],
          ['meh', 8],
          ['bad', 3],
        ]),
      ],
    });
    const [o] = pending([...threeSuccesses(), openOne()], rules, 30);
    expect(o.scenarios[0].outcomes).toEqual([
      { name: 'great', now: { jss: 100, delta: 0 }, horizon: { date: '2026-12-26', jss: 100, delta: 0 } },
      { name: 'meh', now: { jss: 75, delta: -25 }, horizon: { date: '2026-12-26', jss: 75, delta: -25 } },
      { name: 'bad', now: { jss: 50, delta: -50 }, horizon: { date: '2026-12-26', jss: 50, delta: -50 } },
    ]);
    expect(o.scenarios[0]).toMatchObject({ best: 100, worst: 50 });
  });

  it('a horizon of 0 days scores the evaluation date twice', () => {
    const [o] = pending([...threeSuccesses(), openOne()], upwork2024(), 0);
    for (const s of o.scenarios)
      for (const x of s.outcomes) expect(x.horizon).toEqual({ date: ASOF, ...x.now });
  });

  it('counts an open contract that turns idle by the horizon in the baseline there', () => {
    // Paid 2026-11-20, idle from 2027-02-18: neutral in the baseline at a 90-day horizon.
    const rules = upwork2024({ scenarios: [scenario('end', 'End it', [['meh', 8]])] });
    const [o] = pending([...threeSuccesses(), openOne()], rules, 90);
    expect(o.scenarios[0].outcomes[0]).toEqual({
      name: 'meh',
      now: { jss: 75, delta: -25 },
      horizon: { date: '2027-02-24', jss: 75, delta: 0 },
    });
  });

  it('recommends the highest worst case, and says what it costs and what the riskiest alternative costs', () => {
    const rules = upwork2024({
      scenarios: [
        scenario('b', 'Option B', [
          ['good', 10],
          ['bad', 3],
        ]),
        scenario('a', 'Option A', [['neutral', 8]]),
      ],
    });
    const [o] = pending([...threeSuccesses(), openOne()], rules, 30);
    expect(o.recommendation).toEqual({
      scenario: 'a',
      why:
        'Option A: 75% on 2026-12-26 under upwork-2024; left as it is: 100%; ' +
        'the riskiest alternative, b, gives 50% at worst if the client privately rates you 6/10 or less (bad).',
    });
  });

  it('says what a choice gains when even its worst case raises the score', () => {
    const contracts = [...threeSuccesses(), openOne()];
    contracts[2].feedback = { private: 3 }; // 2 successes, 1 negative: 33%
    const rules = upwork2024({
      scenarios: [
        scenario('a', 'Have it completed', [['great', 10]]),
        scenario('b', 'Something else', [
          ['meh', 8],
          ['great', 10],
        ]),
      ],
    });
    const [o] = pending(contracts, rules, 30);
    expect(o.scenarios.map((s) => [s.worst, s.best])).toEqual([
      [50, 50],
      [25, 50],
    ]);
    expect(o.recommendation.why).toBe(
      'Have it completed: 50% on 2026-12-26 under upwork-2024; left as it is: 33%; ' +
        'the riskiest alternative, b, gives 25% at worst if the client privately rates you 7–8/10 (meh).',
    );
  });

  it('breaks ties on the worst case by the best case, then by catalog order', () => {
    const rules = upwork2024({
      scenarios: [
        scenario('y', 'Y', [['meh', 8]]),
        scenario('x', 'X', [
          ['great', 10],
          ['meh', 8],
        ]),
        scenario('z', 'Z', [
          ['great', 10],
          ['meh', 8],
        ]),
      ],
    });
    const [o] = pending([...threeSuccesses(), openOne()], rules);
    expect(o.scenarios.map((s) => [s.name, s.worst, s.best])).toEqual([
      ['y', 75, 75],
      ['x', 75, 100],
      ['z', 75, 100],
    ]);
    expect(o.recommendation.scenario).toBe('x');
  });

  it('ranks a score that is not shown below 0', () => {
    // One counted outcome and an open contract: no JSS is shown unless the open one comes to count.
    const contracts = [threeSuccesses()[0], openOne()];
    const [o] = pending(contracts, upwork2024(), 30);
    const byName = Object.fromEntries(o.scenarios.map((s) => [s.name, [s.worst, s.best]]));
    expect(byName).toEqual({
      'keep-working': [null, null],
      'leave-open': [null, null],
      'freelancer-closes': [null, 50],
      'client-completes': [null, 100], // silent: excluded, nothing shown
      'client-cancels': [null, 100],
      'client-unhappy': [0, 0], // a negative makes a score shown: 0% beats none
    });
    expect(o.scenarios[5].outcomes[0].horizon).toEqual({ date: '2026-12-26', jss: 0, delta: null });
    expect(o.recommendation).toEqual({
      scenario: 'client-unhappy',
      why:
        'The client ends it, unhappy with the quality: 0% on 2026-12-26 under upwork-2024; left as it is: no JSS shown; ' +
        'the riskiest alternative, keep-working, shows no JSS.',
    });
  });

  it('says so when no choice shows a score, and names the day it turns idle', () => {
    const [o] = pending([openOne()], upwork2024());
    expect(o.scenarios.every((s) => s.worst === null && s.best === null)).toBe(true);
    expect(o.recommendation).toEqual({
      scenario: 'keep-working',
      why:
        'Keep working and invoicing as before: no JSS shown on 2027-02-24 under upwork-2024; ' +
        'left as it is: no JSS shown (it turns idle on 2027-02-18); the riskiest alternative, leave-open, shows no JSS.',
    });
  });

  it('keeps a paid, active contract working: paid on at its rhythm, it does not turn idle by the horizon', () => {
    // Paid weekly since 2026-09-03, last on 2026-11-19: idle on 2027-02-17 if left as it is.
    const weekly = Array.from({ length: 12 }, (_, k) => ({
      date: new Date(Date.UTC(2026, 8, 3 + 7 * k)).toISOString().slice(0, 10),
      amount: 100,
    }));
    const open = openOne({ start: '2026-09-03', earnings: 1200, payments: weekly });
    delete open.firstPayment;
    delete open.lastPayment;
    const [o] = pending([...threeSuccesses(), open], upwork2024(), 90);
    const keep = o.scenarios[0];
    expect(keep.name).toBe('keep-working');
    expect(keep.outcomes).toEqual([
      {
        name: 'paid-as-before',
        now: { jss: 100, delta: 0 },
        horizon: { date: '2027-02-24', jss: 100, delta: 33 },
      },
    ]);
    expect(o.scenarios[1]).toMatchObject({ name: 'leave-open', worst: 67, best: 67 });
    expect(o.recommendation.scenario).toBe('keep-working');
    // client-cancels and client-unhappy tie at 33%: the riskiest is the first in the catalog
    expect(o.recommendation.why).toBe(
      'Keep working and invoicing as before: 100% on 2027-02-24 under upwork-2024; left as it is: 67% (it turns idle on 2027-02-17); ' +
        'the riskiest alternative, client-cancels, gives 33% at worst if the client privately rates you 6/10 or less (unhappy).',
    );
  });

  it('offers a scenario only where its when: holds on the evaluation date', () => {
    const idle = openOne({ firstPayment: '2026-06-01', lastPayment: '2026-07-01' }); // idle since 2026-09-29
    const unpaid = openOne({
      id: 'U',
      client: 'u',
      earnings: 0,
      firstPayment: undefined,
      lastPayment: undefined,
    });
    delete unpaid.firstPayment;
    delete unpaid.lastPayment;
    const result = pending([...threeSuccesses(), idle, unpaid], upwork2024());
    for (const p of result) expect(p.scenarios.map((s) => s.name)).not.toContain('keep-working');
    expect(result[0].scenarios).toHaveLength(5);
    expect(result[0].recommendation.why).toContain('idle since 2026-09-29');
  });

  it('keeps the shape with an empty catalog', () => {
    const [o] = pending([...threeSuccesses(), openOne()], upwork2024({ scenarios: [] }));
    expect(o).toEqual({
      id: 'O',
      scenarios: [],
      recommendation: { scenario: '', why: 'upwork-2024 has no scenarios to compare' },
    });
  });
});
