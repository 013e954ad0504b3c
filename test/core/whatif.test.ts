import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  applyScenario,
  changeProblems,
  continuePayments,
  paymentGap,
} from '../../src/core/apply-changes.js';
import { estimateReport } from '../../src/core/estimate.js';
import { prepare } from '../../src/core/evaluate.js';
import type { Scenario } from '../../src/core/types.js';
import { whatif, whatifWithWarnings } from '../../src/core/whatif.js';
import { forumContracts } from '../helpers/forum-case.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const ASOF = '2026-11-26';
const rules = upwork2024();
const forum = history(forumContracts(), ASOF);

describe('applyScenario', () => {
  it('sets the fields, ends the contract on the evaluation date and replaces its feedback whole', () => {
    const open = contract({
      id: 'O',
      status: 'paused',
      earnings: 100,
      firstPayment: '2026-10-01',
      lastPayment: '2026-10-01',
      feedback: { public: 5 },
    });
    const cancels = rules.scenarios.find((x) => x.name === 'client-cancels') as Scenario;
    const changed = applyScenario(open, cancels, cancels.outcomes[2], ASOF);
    expect(changed).toEqual({
      ...open,
      status: 'ended',
      end: ASOF,
      endedBy: 'client',
      endReason: 'no-longer-needed',
      feedback: { private: 4 },
    });
    expect(open.status).toBe('paused');
    const leave = rules.scenarios.find((x) => x.name === 'leave-open') as Scenario;
    expect(applyScenario(open, leave, leave.outcomes[0], ASOF)).toEqual(open);
  });
});

describe('payments: continue', () => {
  const keep: Scenario = { name: 'k', label: 'K', payments: 'continue', outcomes: [{ name: 'x' }] };
  const listed = (dates: string[]) =>
    contract({
      id: 'W',
      status: 'active',
      type: 'hourly',
      start: dates[0],
      earnings: dates.length * 100,
      payments: dates.map((date) => ({ date, amount: 100 })),
    });

  it('G is the median gap between distinct payment dates, the mean of the middle two rounded half up', () => {
    expect(paymentGap(listed(['2026-11-01', '2026-11-08', '2026-11-08', '2026-11-22']))).toBe(11); // 7, 14 -> 10.5 -> 11
    expect(paymentGap(listed(['2026-11-01', '2026-11-03', '2026-11-10', '2026-11-30']))).toBe(7); // 2, 7, 20
    expect(paymentGap(listed(['2026-11-01']))).toBe(7);
    expect(paymentGap({ ...listed(['2026-11-01']), type: 'fixed' })).toBe(30);
  });

  it('pays gross × G ÷ (first-to-last + G) every G days after the evaluation date, up to the day scored', () => {
    const weekly = listed(['2026-11-05', '2026-11-12', '2026-11-19']); // $300 over 14 days: $100 a week
    expect(continuePayments(weekly, ASOF, '2026-12-02')).toBe(weekly); // first one due 2026-12-03
    const later = continuePayments(weekly, ASOF, '2026-12-17');
    expect(later.payments?.slice(3)).toEqual([
      { date: '2026-12-03', amount: 100 },
      { date: '2026-12-10', amount: 100 },
      { date: '2026-12-17', amount: 100 },
    ]);
    expect(later.earnings).toBe(600);
    // first/last dates only: the last payment moves, earnings rise; $1000 over 93 + 30 days
    const fixed = contract({
      id: 'F',
      status: 'active',
      type: 'fixed',
      start: '2026-08-25',
      earnings: 1000,
      firstPayment: '2026-08-25',
      lastPayment: '2026-11-26',
    });
    const paid = continuePayments(fixed, ASOF, '2027-02-24');
    expect(paid).toEqual({ ...fixed, lastPayment: '2027-02-24', earnings: 1731.7 }); // 3 × $243.90, the last on the day scored
    // through applyScenario, at the day scored
    expect(applyScenario(fixed, keep, keep.outcomes[0], ASOF, '2027-02-24')).toEqual(paid);
    expect(applyScenario(fixed, keep, keep.outcomes[0], ASOF)).toEqual(fixed);
  });

  it('takes a missing last payment of an open contract as the evaluation date', () => {
    const guessed = contract({
      id: 'G',
      status: 'active',
      type: 'hourly',
      start: '2026-11-12',
      earnings: 300,
    });
    // 2026-11-12 .. 2026-11-26 is 14 days: $300 × 7 / 21 = $100 a week
    expect(continuePayments(guessed, ASOF, '2026-12-03')).toEqual({
      ...guessed,
      earnings: 400,
      lastPayment: '2026-12-03',
    });
  });
});

describe('applyChanges', () => {
  it('applies change, then set, then add, without touching the input', () => {
    const h = history([
      contract({ id: 'A', status: 'active', earnings: 0, start: '2026-10-01' }),
      contract({ id: 'B', title: 'old', notes: 'x' }),
    ]);
    const added = contract({ id: 'N', client: 'newco' });
    const changed = applyChanges(
      h,
      {
        change: [
          { contract: 'A', fields: { status: 'paused' } },
          { contract: 'B', fields: { title: 'new', notes: null } },
        ],
        set: [{ contract: 'A', scenario: 'client-completes' }],
        add: [added],
      },
      rules,
      ASOF,
    );
    expect(changed.contracts.map((c) => [c.id, c.status, c.end, c.feedback])).toEqual([
      ['A', 'ended', ASOF, { public: 5, private: 10 }],
      ['B', 'ended', '2026-02-01', { public: 5, private: 10 }],
      ['N', 'ended', '2026-02-01', { public: 5, private: 10 }],
    ]);
    expect(changed.contracts[1].title).toBe('new');
    expect('notes' in changed.contracts[1]).toBe(false);
    expect(h.contracts[0].status).toBe('active');
    expect(h.contracts[1].title).toBe('old');
  });

  it('refuses changes that do not fit, naming what would', () => {
    expect(() =>
      applyChanges(forum, { set: [{ contract: 'BP-9', scenario: 'leave-open' }] }, rules, ASOF),
    ).toThrow(/set\.0\.contract: no contract "BP-9"/);
  });
});

describe('changeProblems', () => {
  it('refuses a scenario whose when: does not hold on the evaluation date (given the date)', () => {
    // BP-3 is a $0 open contract: keep-working needs earnings of at least $0.01
    const set = { set: [{ contract: 'BP-3', scenario: 'keep-working' }] };
    expect(changeProblems(forum, set, rules)).toEqual([]);
    expect(changeProblems(forum, set, rules, ASOF)).toEqual([
      {
        path: ['set', 0, 'scenario'],
        code: 'scenario-not-offered',
        message:
          'scenario keep-working is not offered for BP-3: it needs idle: false, earnings: { min: 0.01 }',
        hint: 'jss rules show upwork-2024 lists when each scenario applies',
      },
    ]);
    // once a change gives it earnings, it is offered
    const paid = { ...set, change: [{ contract: 'BP-3', fields: { earnings: 50, lastPayment: ASOF } }] };
    expect(changeProblems(forum, paid, rules, ASOF)).toEqual([]);
  });

  it('lists every reference that does not fit, with the valid names', () => {
    const problems = changeProblems(
      forum,
      {
        change: [
          { contract: 'GL-9', fields: { earnings: 5 } },
          { contract: 'BP-2', fields: { status: 'active', end: null } },
        ],
        set: [
          { contract: 'AC-1', scenario: 'leave-open' },
          { contract: 'BP-3', scenario: 'client-cancel' },
          { contract: 'BP-3', scenario: 'client-cancels', outcome: 'furious' },
          { contract: 'BP-2', scenario: 'leave-open' },
        ],
        add: [contract({ id: 'IN-1' }), contract({ id: 'X' }), contract({ id: 'X' })],
      },
      rules,
    );
    expect(problems).toEqual([
      {
        path: ['change', 0, 'contract'],
        code: 'unknown-contract',
        message: 'no contract "GL-9" in the history',
        hint: 'contracts: AC-1, GL-1, IN-1, BP-1, BP-2, BP-3',
        suggest: { word: 'GL-9', valid: ['AC-1', 'GL-1', 'IN-1', 'BP-1', 'BP-2', 'BP-3'] },
      },
      {
        path: ['set', 0, 'contract'],
        code: 'contract-ended',
        message: 'AC-1 is ended; scenarios apply to open (active or paused) contracts',
        hint: 'open contracts: BP-2, BP-3', // BP-2 is active after the change
      },
      {
        path: ['set', 1, 'scenario'],
        code: 'unknown-scenario',
        message: 'no scenario "client-cancel" in rule set upwork-2024',
        hint: 'scenarios: keep-working, leave-open, freelancer-closes, client-completes, client-cancels, client-unhappy',
        suggest: {
          word: 'client-cancel',
          valid: [
            'keep-working',
            'leave-open',
            'freelancer-closes',
            'client-completes',
            'client-cancels',
            'client-unhappy',
          ],
        },
      },
      {
        path: ['set', 2, 'contract'],
        code: 'scenario-twice',
        message: 'BP-3 already has a scenario (set[1])',
        hint: 'an alternative gives each contract one scenario outcome; put the other in its own alternative',
      },
      {
        path: ['set', 2, 'outcome'],
        code: 'unknown-outcome',
        message: 'scenario client-cancels has no outcome "furious" in rule set upwork-2024',
        hint: 'outcomes of client-cancels: recommends, lukewarm, unhappy, silent',
        suggest: { word: 'furious', valid: ['recommends', 'lukewarm', 'unhappy', 'silent'] },
      },
      {
        path: ['add', 0, 'id'],
        code: 'contract-exists',
        message: 'IN-1 is already in the history',
        hint: 'added contracts need new ids; to alter an existing contract use change',
      },
      { path: ['add', 2, 'id'], code: 'contract-exists', message: 'X is added twice (add[1] too)' },
    ]);
  });
});

describe('whatif', () => {
  it('scores the baseline and each alternative on the same day, with the change in JSS', () => {
    const prepared = prepare(forum, rules, ASOF);
    const cancel = applyChanges(
      forum,
      { set: [{ contract: 'BP-3', scenario: 'client-cancels', outcome: 'unhappy' }] },
      rules,
      ASOF,
    );
    const report = whatif(prepared, [
      { name: 'cancel', history: cancel },
      { name: 'same', history: forum },
    ]);
    expect(report).toEqual({
      asOf: ASOF,
      at: ASOF,
      rules: { name: 'upwork-2024', source: 'builtin' },
      baseline: { jss: 100, score: 100, window: '24m' },
      alternatives: [
        { name: 'cancel', jss: 73, score: 73.333333333, window: '24m', delta: -27 },
        { name: 'same', jss: 100, score: 100, window: '24m', delta: 0 },
      ],
    });
  });

  it('agrees with every scenario of estimate, now and (with at = asOf + H) at the horizon', () => {
    const prepared = prepare(forum, rules, ASOF);
    const [bp3] = estimateReport(prepared, { horizonDays: 45 }).pending;
    for (const s of bp3.scenarios) {
      for (const o of s.outcomes) {
        const changed = applyChanges(
          forum,
          { set: [{ contract: 'BP-3', scenario: s.name, outcome: o.name }] },
          rules,
          ASOF,
        );
        const alt = [{ name: `${s.name}:${o.name}`, history: changed }];
        const now = whatif(prepared, alt).alternatives[0];
        const later = whatif(prepared, alt, { at: '2027-01-10' }).alternatives[0];
        expect({ jss: now.jss, delta: now.delta }).toEqual(o.now);
        expect({ date: '2027-01-10', jss: later.jss, delta: later.delta }).toEqual(o.horizon);
      }
    }
  });

  it('keeps guessed payment dates at the evaluation date when scoring a later day, and reports new guesses', () => {
    // An open contract with no last payment: taken as paid on asOf, so it is idle 90 days after asOf.
    const open = contract({
      id: 'G',
      client: 'g',
      status: 'active',
      start: '2026-10-01',
      earnings: 300,
      firstPayment: '2026-10-01',
    });
    const base = history([...forumContracts(), open]);
    const prepared = prepare(base, rules, ASOF);
    const idleDay = whatif(prepared, [], { at: '2027-02-24' }).baseline;
    const dayBefore = whatif(prepared, [], { at: '2027-02-23' }).baseline;
    expect(dayBefore.jss).toBe(100);
    expect(idleDay.jss).toBe(84); // G (1.25) counts as neutral (idle, paid) from 2027-02-24: 6.5 / 7.75
    const added = contract({ id: 'H', client: 'h', status: 'active', start: '2026-11-01', earnings: 50 });
    const { warnings } = whatifWithWarnings(prepared, [
      { name: 'more', history: { ...base, contracts: [...base.contracts, added] } },
    ]);
    expect(warnings.map((w) => w.contract)).toEqual(['H', 'H']);
  });

  it('refuses a day before the evaluation date', () => {
    expect(() => whatif(prepare(forum, rules, ASOF), [], { at: '2026-11-25' })).toThrow(
      /before the evaluation date/,
    );
  });
});
