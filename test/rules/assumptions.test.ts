import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Contract, RuleSet } from '../../src/core/types.js';
import { builtinRuleSetNames, loadRuleSet } from '../../src/rules/load-rules.js';

/**
 * Every built-in rule set's `assumptions` must be true of its own table (DESIGN §2). Each sentence
 * is matched, by how it starts, to a check that builds the contracts the sentence speaks of and
 * asserts what it says they count as. A set with a sentence no check reads fails, so a sentence
 * cannot be added or reworded without being checked again.
 */

const ASOF = '2026-11-26';
let serial = 0;

/** An ended, paid ($100, one payment on its end), fixed-price contract with no feedback or reason. */
function ended(fields: Partial<Contract> = {}): Contract {
  serial++;
  const end = fields.end ?? '2026-10-01';
  const c: Contract = {
    id: `C${serial}`,
    client: `client-${serial}`,
    type: 'fixed',
    status: 'ended',
    start: end,
    end,
    earnings: 100,
    refunded: 0,
    firstPayment: end,
    lastPayment: end,
    dispute: 'none',
    clientSuspended: false,
    ...fields,
  };
  if (c.earnings === 0) {
    delete c.firstPayment;
    delete c.lastPayment;
  }
  return c;
}

/** An open contract last paid on `lastPayment` ($100 unless told). */
function open(lastPayment: string, fields: Partial<Contract> = {}): Contract {
  const c = ended({
    firstPayment: lastPayment,
    lastPayment,
    start: lastPayment,
    ...fields,
    status: 'active',
  });
  delete c.end;
  return c;
}

/** An earlier contract of the same client, paid over more than 90 days: the client is long-term. */
function longTermSibling(client: string): Contract {
  return ended({
    client,
    start: '2026-01-05',
    firstPayment: '2026-01-05',
    end: '2026-05-01',
    lastPayment: '2026-05-01',
    feedback: { public: 5 },
  });
}

/** The outcome, rule and counting date of `c` on `at`, beside `others`. */
function judge(rules: RuleSet, c: Contract, others: Contract[] = [], at = ASOF) {
  const e = evaluate({ version: 1, asOf: ASOF, contracts: [c, ...others] }, rules, { asOf: ASOF, at });
  const r = e.contracts[0];
  return { outcome: r.outcome, rule: r.rule, countedFrom: r.countedFrom, weight: r.weight };
}
const outcome = (rules: RuleSet, c: Contract, others: Contract[] = [], at = ASOF) =>
  judge(rules, c, others, at).outcome;
const withLongTerm = (rules: RuleSet, fields: Partial<Contract>) => {
  const c = ended({ client: `lt-${++serial}`, ...fields });
  return outcome(rules, c, [longTermSibling(c.client)]);
};

const BLAMING = ['unresponsive', 'misrepresented-skills', 'unprofessional', 'quality'] as const;

// ---- the checks, one per kind of sentence --------------------------------------------------------

function netFormula(rules: RuleSet) {
  // two successes, one neutral, one negative, weight 1 each, four clients: (2 − 1) / 4
  const list = [5, 5, 4, 2].map((stars) => ended({ feedback: { public: stars } }));
  const e = evaluate({ version: 1, asOf: ASOF, contracts: list }, rules, { asOf: ASOF });
  expect(e.windows.find((w) => w.name === '24m')?.score).toBe(25);
  // more negatives than successes: 0, not below
  const bad = [5, 2, 2, 2].map((stars) => ended({ feedback: { public: stars } }));
  expect(evaluate({ version: 1, asOf: ASOF, contracts: bad }, rules, { asOf: ASOF }).windows[0].score).toBe(
    0,
  );
}

function npsPrivate(rules: RuleSet, passive: 'neutral' | 'negative' = 'neutral') {
  for (const p of [9, 10]) expect(outcome(rules, ended({ feedback: { private: p } }))).toBe('success');
  for (const p of [7, 8]) expect(outcome(rules, ended({ feedback: { private: p } }))).toBe(passive);
  for (const p of [0, 3, 6]) expect(outcome(rules, ended({ feedback: { private: p } }))).toBe('negative');
}

function privateFirst(rules: RuleSet) {
  expect(outcome(rules, ended({ feedback: { public: 1, private: 10 }, endReason: 'quality' }))).toBe(
    'success',
  );
  expect(outcome(rules, ended({ feedback: { public: 5, private: 3 }, endReason: 'completed' }))).toBe(
    'negative',
  );
}

function publicStars(rules: RuleSet) {
  for (const s of [4.5, 5]) expect(outcome(rules, ended({ feedback: { public: s } }))).toBe('success');
  for (const s of [4, 4.49]) expect(outcome(rules, ended({ feedback: { public: s } }))).toBe('neutral');
  for (const s of [1, 3.99]) expect(outcome(rules, ended({ feedback: { public: s } }))).toBe('negative');
}

function unknownFeedback(rules: RuleSet) {
  expect(outcome(rules, ended({ endReason: 'completed' }))).toBe('success');
  for (const r of [...BLAMING, 'completed-unsuccessfully'] as const)
    expect(outcome(rules, ended({ endReason: r }))).toBe('negative');
  for (const r of ['no-longer-needed', 'other'] as const)
    expect(outcome(rules, ended({ endReason: r }))).toBe('neutral');
  expect(outcome(rules, ended())).toBe('neutral');
}

function longTermProtects(rules: RuleSet) {
  for (const fields of [
    { feedback: { public: 1, private: 0 } },
    { endReason: 'quality' as const },
    { dispute: 'lost' as const },
    { feedback: 'none' as const },
  ])
    expect(withLongTerm(rules, fields)).toBe('success');
  openLongTermCountsFromLastPayment(rules);
}

function openLongTermCountsFromLastPayment(rules: RuleSet) {
  const c = open('2026-11-01', { client: 'lt-open' });
  expect(judge(rules, c, [longTermSibling('lt-open')])).toMatchObject({
    outcome: 'success',
    countedFrom: '2026-11-01',
  });
}

function noFeedbackLeftOut(rules: RuleSet) {
  expect(outcome(rules, ended({ feedback: 'none', endReason: 'completed' }))).toBe('excluded');
  expect(outcome(rules, ended({ feedback: 'none', endReason: 'quality' }))).toBe('excluded');
  expect(outcome(rules, ended({ feedback: 'none', dispute: 'lost' }))).toBe('negative');
  expect(withLongTerm(rules, { feedback: 'none' })).toBe('success');
}

function idle(
  rules: RuleSet,
  days: number,
  as: 'neutral' | 'negative',
  paidOnly: boolean,
  longTerm: boolean,
) {
  const last = '2026-06-01';
  const idleDay = new Date(Date.parse(last) + days * 86_400_000).toISOString().slice(0, 10);
  const dayBefore = new Date(Date.parse(idleDay) - 86_400_000).toISOString().slice(0, 10);
  const c = open(last);
  // evaluated as of the day before and the day it turns idle (the history's date is later)
  const at = (day: string) => {
    const e = evaluate({ version: 1, asOf: day, contracts: [c] }, rules, { asOf: day });
    return e.contracts[0];
  };
  expect(at(dayBefore).outcome).toBe('pending');
  expect(at(idleDay)).toMatchObject({ outcome: as, countedFrom: idleDay });
  const unpaid = open(last, { earnings: 0, start: last });
  const unpaidOutcome = judge(rules, unpaid).outcome;
  if (paidOnly) expect(unpaidOutcome).not.toBe(as);
  else expect(unpaidOutcome).toBe(as);
  const lt = open(last, { client: 'lt-idle' });
  expect(judge(rules, lt, [longTermSibling('lt-idle')]).outcome).toBe(longTerm ? 'success' : as);
}

function zeroEarnings(rules: RuleSet) {
  const zero = (fields: Partial<Contract>) => outcome(rules, ended({ earnings: 0, ...fields }));
  expect(zero({ feedback: { private: 6 } })).toBe('negative');
  expect(zero({ feedback: { private: 7 } })).toBe('excluded');
  expect(zero({ feedback: { public: 1 } })).toBe('excluded');
  for (const r of BLAMING) expect(zero({ endReason: r })).toBe('negative');
  expect(zero({ endReason: 'completed-unsuccessfully' })).toBe('excluded');
  expect(zero({ dispute: 'lost', feedback: { public: 5 } })).toBe('negative');
  // whatever the client leaves when ending it as no longer needed
  for (const feedback of [{ public: 5 }, { public: 4 }, { public: 2 }, 'none' as const, undefined])
    expect(zero({ endReason: 'no-longer-needed', ...(feedback ? { feedback } : {}) })).toBe('excluded');
  expect(withLongTerm(rules, { earnings: 0, feedback: { private: 2 } })).toBe('success');
}

function disputeLost(rules: RuleSet) {
  expect(outcome(rules, ended({ dispute: 'lost', feedback: { public: 5, private: 10 } }))).toBe('negative');
  expect(withLongTerm(rules, { dispute: 'lost' })).toBe('success');
  refundsAlone(rules);
}

function refundsAlone(rules: RuleSet) {
  expect(outcome(rules, ended({ earnings: 800, refunded: 800, feedback: { public: 5 } }))).not.toBe(
    'negative',
  );
  expect(outcome(rules, ended({ earnings: 800, refunded: 400, feedback: { public: 5 } }))).toBe('success');
}

function netTiers(rules: RuleSet) {
  expect(judge(rules, ended({ earnings: 1200, refunded: 300, feedback: { public: 5 } })).weight).toBe(1.25);
  expect(judge(rules, ended({ earnings: 1200, feedback: { public: 5 } })).weight).toBe(1.5);
}

function trending(rules: RuleSet) {
  const recent = (n: number) =>
    Array.from({ length: n }, () => ended({ end: '2026-11-01', feedback: { public: 5 } }));
  const older = [
    ended({ end: '2026-07-01', feedback: { public: 5 } }),
    ended({ end: '2026-07-02', feedback: { public: 5 } }),
  ];
  const trend = (list: Contract[]) =>
    evaluate({ version: 1, asOf: ASOF, contracts: list }, rules, { asOf: ASOF }).windows.find(
      (w) => w.name === 'trending',
    )?.eligible;
  expect(trend([...older, ...recent(1)])).toBe(false); // 3m: one outcome
  expect(trend([...older, ...recent(2)])).toBe(true);
  const sameClient = recent(2).map((c) => ({ ...c, client: 'one' }));
  expect(trend([...older, ...sameClient])).toBe(false); // 3m: one client
}

function roundsHalfUp(rules: RuleSet) {
  // five successes and three neutrals, weight 1 each: 62.5 → 63
  const list = [5, 5, 5, 5, 5, 4, 4, 4].map((stars) => ended({ feedback: { public: stars } }));
  const e = evaluate({ version: 1, asOf: ASOF, contracts: list }, rules, { asOf: ASOF });
  expect([e.score, e.jss]).toEqual([62.5, 63]);
}

function topRated(rules: RuleSet) {
  expect(rules.badges).toEqual([{ name: 'top-rated', min: 90 }]);
  // a JSS of 100 with nothing earned in the last 12 months still meets it: earnings are not checked
  const old = [
    ended({ end: '2025-06-01', feedback: { public: 5 } }),
    ended({ end: '2025-07-01', feedback: { public: 5 } }),
  ];
  const e = evaluate({ version: 1, asOf: ASOF, contracts: old }, rules, { asOf: ASOF });
  expect(e.jss).toBe(100);
  expect(e.badges).toEqual([{ name: 'top-rated', min: 90, met: true }]);
}

function catalogWithoutPrivate(rules: RuleSet) {
  const given = rules.scenarios.flatMap((s) => s.outcomes.map((o) => o.feedback));
  expect(given.some((f) => typeof f === 'object' && f.private !== undefined)).toBe(false);
  expect(given.some((f) => typeof f === 'object' && f.public !== undefined)).toBe(true);
  expect(given).toContain('none');
  for (const s of rules.scenarios.filter((x) => x.set?.status === 'ended'))
    expect(s.set?.endReason).toBeDefined();
}

function bestOfMonthWindows(rules: RuleSet) {
  expect(rules.windows.map((w) => w.name)).toEqual(['24m', '12m', '6m']);
  // a bad outcome 18 months ago drags 24m only: the 12m score is shown
  const list = [
    ended({ end: '2025-05-01', feedback: { public: 1 } }),
    ...Array.from({ length: 4 }, () => ended({ end: '2026-09-01', feedback: { public: 5 } })),
  ];
  const e = evaluate({ version: 1, asOf: ASOF, contracts: list }, rules, { asOf: ASOF });
  expect([e.window, e.jss]).toEqual(['12m', 100]);
}

function fourFromThree(rules: RuleSet) {
  const shown = (clients: string[]) =>
    evaluate(
      {
        version: 1,
        asOf: ASOF,
        contracts: clients.map((client) => ended({ client, feedback: { public: 5 } })),
      },
      rules,
      { asOf: ASOF },
    ).shown;
  expect(shown(['a', 'b', 'c'])).toBe(false);
  expect(shown(['a', 'b', 'b', 'a'])).toBe(false);
  expect(shown(['a', 'b', 'c', 'c'])).toBe(true);
}

function noLongTermRule(rules: RuleSet) {
  expect(withLongTerm(rules, { feedback: { public: 1 } })).toBe('negative');
}

function nps(rules: RuleSet) {
  npsPrivate(rules);
  privateFirst(rules);
}

/** Sentences, by how they start, and what checks each. */
const CHECKS: [string, (rules: RuleSet) => void][] = [
  ['The score is max(0, success - negative) / total', netFormula],
  ['Every contract of a long-term client', longTermProtects],
  ['Private feedback (0-10) is read like a Net Promoter Score', nps],
  ['When private feedback is known it decides before', privateFirst],
  ['Private ratings given before the change still count', nps],
  ['Upwork no longer collects the private 0-10 rating', catalogWithoutPrivate],
  ['Public stars: 4.5 and up is a success', publicStars],
  ['An ended contract with no feedback recorded either way (unknown)', unknownFeedback],
  ['A contract that ended with no feedback is left out, unless its client is long-term', noFeedbackLeftOut],
  [
    'An open contract with no payment for 90 days counts as neutral',
    (r) =>
      idle(
        r,
        90,
        'neutral',
        true,
        r.classify.some((x) => x.name === 'long-term-client'),
      ),
  ],
  ['Unless its client is long-term, a $0 contract', zeroEarnings],
  ['A lost dispute makes an ended contract negative', disputeLost],
  ['Job-size tiers use net earnings', netTiers],
  ['The trending score is shown only when both', trending],
  ['The displayed JSS is the score rounded half up', roundsHalfUp],
  ['Top Rated is shown as needing a JSS of 90', topRated],
  // pessimistic
  [
    'A long-term client does not protect',
    (r) => {
      for (const fields of [
        { dispute: 'lost' as const, feedback: { public: 5 } },
        { feedback: { private: 6 } },
        ...[...BLAMING, 'completed-unsuccessfully' as const].map((endReason) => ({ endReason })),
      ])
        expect(withLongTerm(r, fields)).toBe('negative');
    },
  ],
  [
    'Any other contract of a long-term client',
    (r) => {
      for (const fields of [
        { feedback: { public: 4 } },
        { feedback: { private: 7 } },
        { feedback: 'none' as const },
      ])
        expect(withLongTerm(r, fields)).toBe('success');
      openLongTermCountsFromLastPayment(r);
    },
  ],
  [
    'Unless its client is long-term, private feedback of 7-8 counts as negative',
    (r) => {
      npsPrivate(r, 'negative');
      expect(outcome(r, ended({ feedback: { public: 5, private: 7 } }))).toBe('negative');
      expect(withLongTerm(r, { feedback: { private: 8 } })).toBe('success');
    },
  ],
  [
    'An open contract with no payment for 30 days counts as negative from the day',
    (r) => idle(r, 30, 'negative', false, true),
  ],
  [
    'A contract that ended with no feedback is left out, unless its end reason blames',
    (r) => {
      expect(outcome(r, ended({ feedback: 'none', endReason: 'completed' }))).toBe('excluded');
      expect(outcome(r, ended({ feedback: 'none', endReason: 'quality' }))).toBe('negative');
      expect(outcome(r, ended({ feedback: 'none', dispute: 'lost' }))).toBe('negative');
      expect(withLongTerm(r, { feedback: 'none' })).toBe('success');
    },
  ],
  [
    'A $0 contract counts only as a negative (',
    (r) => {
      const zero = (fields: Partial<Contract>) => outcome(r, ended({ earnings: 0, ...fields }));
      expect(zero({ feedback: { private: 6 } })).toBe('negative');
      for (const reason of [...BLAMING, 'completed-unsuccessfully'] as const)
        expect(zero({ endReason: reason })).toBe('negative');
      expect(zero({ dispute: 'lost' })).toBe('negative');
      for (const feedback of [{ public: 5 }, { public: 1 }, { private: 7 }, 'none' as const])
        expect(zero({ feedback, endReason: 'no-longer-needed' })).toBe('excluded');
      expect(judge(r, open('2026-09-01', { earnings: 0 })).outcome).toBe('negative');
      expect(withLongTerm(r, { earnings: 0, feedback: { public: 1 } })).toBe('success');
    },
  ],
  // upwork-2020 and upwork-2015
  ['The best of the 24-, 12- and 6-month windows is shown', bestOfMonthWindows],
  ['A score needs 4 outcomes from 3 different clients', fourFromThree],
  [
    'Job-size tiers applied, but the bonus',
    (r) => {
      expect(
        judge(r, ended({ earnings: 2000, firstPayment: '2025-06-01', start: '2025-06-01' })).weight,
      ).toBe(1.5);
      expect(judge(r, ended({ earnings: 500 })).weight).toBe(1.25);
    },
  ],
  [
    'Contracts ended with no feedback still counted, as neutral',
    (r) => {
      expect(outcome(r, ended({ feedback: 'none', endReason: 'completed' }))).toBe('neutral');
      expect(outcome(r, ended({ feedback: 'none', earnings: 0 }))).toBe('neutral');
      expect(outcome(r, ended({ feedback: 'none', dispute: 'lost' }))).toBe('negative');
    },
  ],
  [
    'A $0 contract counts as negative when',
    (r) => {
      const zero = (fields: Partial<Contract>) => outcome(r, ended({ earnings: 0, ...fields }));
      expect(zero({ feedback: { private: 6 } })).toBe('negative');
      for (const reason of BLAMING) expect(zero({ endReason: reason })).toBe('negative');
      expect(zero({ dispute: 'lost', feedback: { public: 5 } })).toBe('negative');
      expect(zero({ feedback: 'none' })).toBe('neutral');
      expect(zero({ feedback: { public: 5, private: 9 } })).toBe('excluded');
      expect(zero({ feedback: { public: 1 } })).toBe('excluded');
    },
  ],
  ['There is no long-term-client rule', noLongTermRule],
  [
    'There were no job-size tiers',
    (r) => {
      expect(judge(r, ended({ earnings: 5000 })).weight).toBe(1);
      expect(judge(r, ended({ earnings: 50, firstPayment: '2026-03-15', start: '2026-03-15' })).weight).toBe(
        1 + 2,
      );
      expect(judge(r, ended({ earnings: 50, firstPayment: '2024-01-01', start: '2024-01-01' })).weight).toBe(
        8,
      );
    },
  ],
  [
    'An open contract with no payment for 30 days counts as negative, whatever',
    (r) => idle(r, 30, 'negative', false, false),
  ],
  [
    'A contract ended with no feedback counts as negative',
    (r) => {
      for (const reason of ['completed', 'no-longer-needed'] as const)
        expect(outcome(r, ended({ feedback: 'none', endReason: reason }))).toBe('negative');
    },
  ],
  [
    '$0 contracts count like any other',
    (r) => {
      expect(outcome(r, ended({ earnings: 0, feedback: { public: 5 } }))).toBe('success');
      expect(outcome(r, ended({ earnings: 0, feedback: { private: 3 } }))).toBe('negative');
      expect(outcome(r, ended({ earnings: 0, feedback: { public: 4 } }))).toBe('neutral');
    },
  ],
];

const sets = new Map<string, RuleSet>();
beforeAll(async () => {
  for (const name of builtinRuleSetNames()) sets.set(name, (await loadRuleSet(name, { cwd: '/' })).ruleSet);
});

describe.each(builtinRuleSetNames())('%s: every assumption is true of its table', (name) => {
  it('has a check for each of its assumptions, and each check passes', () => {
    const rules = sets.get(name) as RuleSet;
    expect(rules.assumptions.length).toBeGreaterThan(5);
    for (const sentence of rules.assumptions) {
      const found = CHECKS.filter(([start]) => sentence.startsWith(start));
      expect(
        found.map(([start]) => start),
        sentence,
      ).toHaveLength(1);
      found[0][1](rules);
    }
  });
});

describe('the checks fail on a table that does not do what a sentence says', () => {
  it('a long-term rule moved below dispute-lost breaks "A lost dispute makes an ended contract negative unless its client is long-term"', () => {
    const rules = sets.get('upwork-2024') as RuleSet;
    const at = (n: string) => rules.classify.findIndex((r) => r.name === n);
    const moved = [...rules.classify];
    const [lt] = moved.splice(at('long-term-client'), 1);
    moved.splice(at('dispute-lost'), 0, lt);
    expect(() => disputeLost({ ...rules, classify: moved })).toThrow();
    expect(() => disputeLost(rules)).not.toThrow();
  });

  it('pessimistic with the default order breaks "A long-term client does not protect …"', () => {
    const check = CHECKS.find(([s]) => s === 'A long-term client does not protect')?.[1] as (
      r: RuleSet,
    ) => void;
    expect(() =>
      check({
        ...(sets.get('pessimistic') as RuleSet),
        classify: (sets.get('upwork-2026') as RuleSet).classify,
      }),
    ).toThrow();
  });
});
