import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { infer } from '../../src/core/infer.js';
import type { Contract, EndReason, Feedback, History, RuleSet } from '../../src/core/types.js';
import { END_REASONS } from '../../src/core/types.js';
import { historyProblems } from '../../src/io/history-checks.js';
import { BUILTIN, loadRuleSet } from '../../src/rules/load-rules.js';
import { repoRoot } from '../helpers/run-cli.js';
import { referenceEvaluate } from './evaluate-reference.js';
import { addDays } from './history-arb.js';
import { referenceInfer } from './infer-reference.js';
import { referenceRewind } from './rewind-reference.js';

/**
 * Half the generated histories (each checked under a built-in set): 200 in a local `npm test`,
 * 2,000 in CI (`CI=true`); raise with JSS_REFERENCE_RUNS for a longer hunt.
 */
const RUNS = Number(process.env.JSS_REFERENCE_RUNS ?? (process.env.CI ? 1000 : 100));

const ruleSets = new Map<string, RuleSet>();
/**
 * Beside the built-in sets, one whose star ranges leave gaps (3.5 to 4 and 4.9 to 5 match no
 * `public` rule) and where no stars at all is a class of its own: only values strictly between
 * bounds fall in the gaps, and there a contract counts as its end reason says.
 */
const GAPPY = 'gappy-stars';
beforeAll(async () => {
  for (const name of BUILTIN) ruleSets.set(name, (await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
  const base = ruleSets.get('upwork-2024') as RuleSet;
  ruleSets.set(GAPPY, {
    ...base,
    name: GAPPY,
    classify: base.classify.flatMap((r) => {
      if (r.name === 'public-high')
        return [
          { name: 'no-stars', when: { public: 'unknown' as const }, outcome: 'excluded' as const },
          { ...r, when: { public: { min: 4.5, max: 4.9 } } },
        ];
      if (r.name === 'public-low') return [{ ...r, when: { public: { max: 3.5 } } }];
      return [r];
    }),
  });
});

type Kind = 'private' | 'reason' | 'feedback' | 'private-and-reason' | 'known';

const contractArb = fc.record({
  client: fc.integer({ min: 0, max: 3 }),
  open: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  back: fc.oneof(
    fc.integer({ min: 0, max: 760 }),
    fc.constantFrom(0, 1, 89, 90, 91, 181, 182, 365, 366, 730, 731),
  ),
  length: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.constantFrom(0, 90, 91)),
  earnings: fc.constantFrom(0, 120, 250, 600, 1000, 1400),
  pay: fc.constantFrom('dates', 'dates', 'guessed', 'list'),
  // Whole feedbacks and private ratings with reasons have 100+ values each: fewer of them.
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Kind>('private') },
    { weight: 2, arbitrary: fc.constant<Kind>('reason') },
    { weight: 2, arbitrary: fc.constantFrom<Kind>('feedback', 'private-and-reason') },
    { weight: 4, arbitrary: fc.constant<Kind>('known') },
  ),
  stars: fc.constantFrom(5, 4.8, 4.5, 4.2, 4, 3),
  privateRating: fc.integer({ min: 0, max: 10 }),
  reason: fc.constantFrom<EndReason>('completed', 'completed', 'no-longer-needed', 'quality'),
  truth: fc.nat(),
});

interface InferCase {
  history: History;
  asOf: string;
  truth: number[];
  observedBack: number[];
  perturb: { at: number; by: number } | undefined;
  rules: string;
}

const caseArb: fc.Arbitrary<InferCase> = fc
  .record({
    hBack: fc.constantFrom(0, 0, 0, 20),
    contracts: fc.array(contractArb, { minLength: 1, maxLength: 9 }),
    observedBack: fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 4 }),
    perturb: fc.option(fc.record({ at: fc.nat(), by: fc.constantFrom(-3, -1, 1, 2, 100) }), {
      nil: undefined,
    }),
    rules: fc.constantFrom(...BUILTIN, GAPPY, GAPPY),
  })
  .map((r) => {
    const H = '2026-11-26';
    const contracts: Contract[] = r.contracts.map((x, i) => {
      const end = addDays(H, -x.back);
      const start = addDays(end, -x.length);
      const c: Contract = {
        id: `K${i + 1}`,
        client: `client-${x.client}`,
        type: 'fixed',
        status: x.open ? 'active' : 'ended',
        start,
        earnings: x.earnings,
        refunded: 0,
        dispute: 'none',
        clientSuspended: false,
      };
      if (x.earnings > 0) {
        if (x.pay === 'dates') {
          c.firstPayment = start;
          c.lastPayment = end;
        } else if (x.pay === 'list') {
          c.payments = [{ date: end, amount: x.earnings }];
        }
      }
      if (x.open) return c;
      c.end = end;
      const known: Feedback = { public: x.stars, private: x.privateRating };
      if (x.kind === 'private')
        Object.assign(c, { endedBy: 'freelancer', endReason: 'completed', feedback: { public: x.stars } });
      else if (x.kind === 'reason')
        Object.assign(c, { endedBy: 'client', feedback: x.privateRating === 0 ? 'none' : known });
      else if (x.kind === 'feedback') Object.assign(c, { endedBy: 'freelancer', endReason: x.reason });
      else if (x.kind === 'private-and-reason') c.feedback = { public: x.stars };
      else Object.assign(c, { endedBy: 'client', endReason: x.reason, feedback: known });
      return c;
    });
    return {
      history: { version: 1, asOf: H, contracts } as History,
      asOf: addDays(H, -r.hBack),
      truth: r.contracts.map((x) => x.truth),
      observedBack: r.observedBack,
      perturb: r.perturb,
      rules: r.rules,
    };
  });

/** A random true value for each hidden fact, the JSS it gives on each observation day (the reference's). */
function observe(c: InferCase, rules: RuleSet): { date: string; jss: number | null }[] {
  const stars = [1, 2.5, 4, 4.25, 4.5, 4.75, 5];
  const truth: History = {
    ...c.history,
    contracts: c.history.contracts.map((x, i) => {
      if (x.status !== 'ended') return x;
      const t = c.truth[i];
      const y: Contract = { ...x };
      if (typeof y.feedback === 'object' && y.feedback.private === undefined)
        y.feedback = t % 12 === 11 ? { ...y.feedback } : { ...y.feedback, private: t % 12 };
      if (y.feedback === undefined)
        y.feedback = t % 5 === 0 ? 'none' : { public: stars[t % stars.length], private: (t >> 3) % 11 };
      if ((y.endedBy === 'client' || y.endedBy === undefined) && y.endReason === undefined)
        y.endReason = t % 3 === 0 ? undefined : END_REASONS[(t >> 2) % END_REASONS.length];
      return y;
    }),
  };
  const dates = c.observedBack.map((b) => addDays(c.asOf, -b)).sort();
  return dates.map((date, n) => {
    let jss = referenceEvaluate(referenceRewind(truth, date, c.history.asOf as string).history, rules, {
      asOf: date,
      at: date,
    }).jss;
    if (c.perturb && c.perturb.at % dates.length === n)
      jss =
        c.perturb.by === 100
          ? jss === null
            ? 90
            : null
          : Math.max(0, Math.min(100, (jss ?? 0) + c.perturb.by));
    return { date, jss };
  });
}

describe('infer against a brute-force reference written from DESIGN §8', () => {
  it('fits, possible and ruled-out verdicts, explanations, ranges and now agree', () => {
    let compared = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const rules = ruleSets.get(c.rules) as RuleSet;
        expect(historyProblems(c.history, c.history.asOf as string)).toEqual([]);
        const observed = observe(c, rules);
        const options = { asOf: c.asOf, date: c.history.asOf as string, observed };
        const want = referenceInfer(c.history, rules, { ...options, maxReadings: 300 });
        fc.pre(want !== undefined);
        if (!want) return;
        compared++;
        const got = infer(c.history, rules, options);
        expect(got.complete).toBe(true);
        expect(got.fits).toBe(want.fits);
        expect(got.observations).toEqual(want.observations);
        expect(got.now).toEqual(want.now);
        expect(got.explanations).toEqual(want.explanations);
        expect(got.hidden.map((h) => h.contract)).toEqual(want.hidden.map((h) => h.contract));
        got.hidden.forEach((h, k) => {
          const key = (v: { rule: string; outcome: string }) => `${v.rule}|${v.outcome}`;
          expect(new Set(h.possible.map(key))).toEqual(new Set(want.hidden[k].possible));
          expect(new Set(h.ruledOut.map((v) => key(v)))).toEqual(new Set(want.hidden[k].ruledOut));
          expect(h.unresolved).toEqual([]);
          // "in the order of the classify table"
          for (const list of [h.possible, h.ruledOut]) {
            const order = list.map((v) => rules.classify.findIndex((r) => r.name === v.rule));
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
        });
      }),
      { numRuns: RUNS * 2 },
    );
    expect(compared).toBeGreaterThan(RUNS);
  }, 1_800_000);
});
