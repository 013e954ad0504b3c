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
      'leave-open',
      'client-completes',
      'client-cancels',
      'freelancer-closes',
      'client-unhappy',
    ]);
    expect(result[0].scenarios[2].outcomes.map((o) => o.name)).toEqual([
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
        'Option A: it costs up to 25 points under upwork-2024 by 2026-12-26 if the client privately rates you 7–8/10 (neutral); ' +
        'the riskiest alternative, option B, costs up to 50 points if the client privately rates you 6/10 or less (bad).',
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
      'Have it completed: it gains at least 17 points under upwork-2024 by 2026-12-26; ' +
        'the riskiest alternative, something else, costs up to 8 points if the client privately rates you 7–8/10 (meh).',
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
      'leave-open': [null, null],
      'client-completes': [null, 100], // silent: excluded, nothing shown
      'client-cancels': [null, 100],
      'freelancer-closes': [null, 50],
      'client-unhappy': [0, 0], // a negative makes a score shown: 0% beats none
    });
    expect(o.scenarios[4].outcomes[0].horizon).toEqual({ date: '2026-12-26', jss: 0, delta: null });
    expect(o.recommendation).toEqual({
      scenario: 'client-unhappy',
      why:
        'The client ends it over quality: it gives at least 0% under upwork-2024 by 2026-12-26, where leaving things as they are shows no JSS; ' +
        'the riskiest alternative, leave it open or paused, no further payments, leaves no JSS shown.',
    });
  });

  it('says so when no choice shows a score', () => {
    const [o] = pending([openOne()], upwork2024());
    expect(o.scenarios.every((s) => s.worst === null && s.best === null)).toBe(true);
    expect(o.recommendation).toEqual({
      scenario: 'leave-open',
      why: 'Leave it open or paused, no further payments: no choice shows a JSS under upwork-2024 by 2027-02-24.',
    });
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
