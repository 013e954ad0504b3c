/**
 * The search of `jss infer` on abstract problems (per-day window totals and options per hidden
 * contract), against plain enumeration of every combination of options scored with the engine's
 * own window scoring. The history-level comparison with a reference written from DESIGN §8 alone
 * is test/reference/infer.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CountedOutcome } from '../../src/core/classify.js';
import type { Jss, SearchDay, SearchOption, SearchProblem, SearchVar } from '../../src/core/infer-problem.js';
import { compareSets, searchReadings } from '../../src/core/infer-search.js';
import type { Outcome, RuleSet } from '../../src/core/types.js';
import {
  addCounted,
  countClient,
  emptyTotals,
  monthWindows,
  selectionOf,
  type Totals,
} from '../../src/core/windows.js';
import { BUILTIN, loadRuleSet } from '../../src/rules/load-rules.js';
import { repoRoot } from '../helpers/run-cli.js';

const ruleSets: RuleSet[] = [];
beforeAll(async () => {
  for (const name of BUILTIN) ruleSets.push((await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
});

/** Every day's JSS under one choice of options, scored by the engine's `selectionOf`. */
function jssOn(p: SearchProblem, choice: readonly number[], d: number): Jss {
  const months = monthWindows(p.rules);
  const totals = months.map((_, k): Totals => {
    const t = emptyTotals();
    const f = p.days[d].fixed[k];
    const add = (outcome: CountedOutcome, units: number, client: number) =>
      addCounted(t, outcome, units / 1e6, client, 1);
    // the fixed totals, then each fixed contract's client (the sums are spread over them)
    t.success += f.success;
    t.neutral += f.neutral;
    t.negative += f.negative;
    t.outcomes += f.outcomes;
    for (const client of f.clients) countClient(t, client, 1);
    p.vars.forEach((v, i) => {
      const o = v.options[choice[i]].perDay[d];
      if (o !== null && v.member[d][k]) add(o, v.weight, v.client);
    });
    return t;
  });
  return selectionOf(p.rules, totals).jss;
}

function* combinations(p: SearchProblem): Generator<number[]> {
  const choice = p.vars.map(() => 0);
  while (true) {
    yield [...choice];
    let i = 0;
    while (i < choice.length && ++choice[i] === p.vars[i].options.length) choice[i++] = 0;
    if (i === choice.length) return;
  }
}

const rankOf = (j: Jss) => (j === null ? -1 : j);

function bruteForce(p: SearchProblem) {
  const observed = p.days.flatMap((day, d) =>
    day.observed === undefined ? [] : [[d, day.observed] as const],
  );
  const last = p.days.length - 1;
  const ranges = p.days.map(() => ({ min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }));
  const possible = p.vars.map((v) => v.verdicts.map(() => false));
  let fits = false;
  const now = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  const costs: { cost: number; set: [number, Outcome][] }[] = [];
  for (const choice of combinations(p)) {
    const jss = p.days.map((_, d) => jssOn(p, choice, d));
    jss.forEach((j, d) => {
      ranges[d].min = Math.min(ranges[d].min, rankOf(j));
      ranges[d].max = Math.max(ranges[d].max, rankOf(j));
    });
    if (!observed.every(([d, v]) => jss[d] === v)) continue;
    fits = true;
    now.min = Math.min(now.min, rankOf(jss[last]));
    now.max = Math.max(now.max, rankOf(jss[last]));
    const set: [number, Outcome][] = [];
    choice.forEach((k, i) => {
      const v = p.vars[i];
      for (const j of v.options[k].verdicts) possible[i][j] = true;
      const outcome = v.options[k].endOutcome;
      if (outcome !== v.options[v.fileOption].endOutcome) set.push([i, outcome]);
    });
    costs.push({ cost: set.length, set });
  }
  const unrank = (r: number): Jss => (r < 0 ? null : r);
  const fewest = Math.min(...costs.map((c) => c.cost));
  const sets = new Map(costs.filter((c) => c.cost === fewest).map((c) => [JSON.stringify(c.set), c.set]));
  const sorted = [...sets.values()].sort(compareSets);
  return {
    fits,
    ranges: ranges.map((r) => ({ min: unrank(r.min), max: unrank(r.max) })),
    possible,
    now: fits ? { min: unrank(now.min), max: unrank(now.max) } : null,
    explanations: fits
      ? { changes: fewest, readings: sorted.slice(0, 20), more: Math.max(0, sorted.length - 20) }
      : null,
  };
}

const OUTCOMES: (CountedOutcome | null)[] = ['success', 'neutral', 'negative', null];
const END_OUTCOMES: Outcome[] = ['success', 'neutral', 'negative', 'excluded'];

/** Random problems: a few days, a few vars of 1–4 options, observations from a random choice. */
const problemArb = (rules: () => RuleSet) =>
  fc
    .record({
      dayCount: fc.integer({ min: 1, max: 5 }),
      vars: fc.array(
        fc.record({
          client: fc.integer({ min: 0, max: 3 }),
          weight: fc.constantFrom(1, 1.25, 1.5, 2.5, 8),
          member: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), {
            minLength: 6,
            maxLength: 6,
          }),
          options: fc.array(
            fc.record({
              perDay: fc.array(fc.constantFrom(...OUTCOMES), { minLength: 6, maxLength: 6 }),
              end: fc.constantFrom(...END_OUTCOMES),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          fileOption: fc.nat(),
        }),
        { maxLength: 6 },
      ),
      fixed: fc.array(
        fc.array(
          // the contracts whose facts are known: client, outcome, weight
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: 5 }),
              fc.constantFrom<CountedOutcome>('success', 'success', 'neutral', 'negative'),
              fc.constantFrom(1, 1.25, 1.5, 3),
            ),
            { maxLength: 4 },
          ),
          { minLength: 4, maxLength: 4 },
        ),
        { minLength: 6, maxLength: 6 },
      ),
      truth: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      observedDays: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      perturb: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })), { nil: undefined }),
    })
    .map((r): SearchProblem => {
      const ruleSet = rules();
      const months = monthWindows(ruleSet).length;
      const days = r.dayCount + 1;
      const vars: SearchVar[] = r.vars.map((v) => {
        const options: SearchOption[] = [];
        const seen = new Set<string>();
        for (const o of v.options) {
          const key = JSON.stringify([o.perDay.slice(0, days), o.end]);
          if (seen.has(key)) continue;
          seen.add(key);
          options.push({ perDay: o.perDay.slice(0, days), endOutcome: o.end, verdicts: [] });
        }
        // verdicts: one per end outcome present, in a fixed order
        const ends = END_OUTCOMES.filter((e) => options.some((o) => o.endOutcome === e));
        for (const o of options) o.verdicts = [ends.indexOf(o.endOutcome)];
        return {
          client: v.client,
          weight: Math.round(v.weight * 1e6),
          member: v.member.slice(0, days).map((row) => row.slice(0, months)),
          options,
          fileOption: v.fileOption % options.length,
          verdicts: ends.map((e) => ({ rule: `r-${e}`, outcome: e })),
        };
      });
      const problemDays: SearchDay[] = r.fixed.slice(0, days).map((row) => ({
        fixed: row.slice(0, months).map((known) => {
          const sum = (o: CountedOutcome) =>
            known.filter((c) => c[1] === o).reduce((s, c) => s + Math.round(c[2] * 1e6), 0);
          return {
            success: sum('success'),
            neutral: sum('neutral'),
            negative: sum('negative'),
            outcomes: known.length,
            clients: known.map((c) => c[0]),
          };
        }),
      }));
      const p: SearchProblem = { rules: ruleSet, days: problemDays, vars, clients: 6 };
      const truth = vars.map((v, i) => r.truth[i] % v.options.length);
      for (let d = 0; d < r.dayCount; d++) {
        if (!r.observedDays[d] && d > 0) continue;
        let v = jssOn(p, truth, d);
        if (r.perturb && r.perturb[0] % r.dayCount === d && v !== null)
          v = Math.max(0, Math.min(100, v + r.perturb[1]));
        problemDays[d].observed = v;
      }
      return p;
    });

describe('infer search against plain enumeration', () => {
  it('fits, verdicts, ranges, now and explanations agree on random problems', () => {
    let k = 0;
    fc.assert(
      fc.property(
        problemArb(() => ruleSets[k++ % ruleSets.length]),
        (p) => {
          const got = searchReadings(p);
          const want = bruteForce(p);
          expect(got.complete).toBe(true);
          expect(got.fits).toBe(want.fits);
          expect(got.ranges).toEqual(want.ranges);
          expect(got.now).toEqual(want.now);
          expect(got.explanations).toEqual(want.explanations);
          const states = got.verdicts.map((row, i) =>
            row.map(
              (s, j) => (want.fits ? (want.possible[i][j] ? 'possible' : 'ruledOut') : 'possible') === s,
            ),
          );
          expect(states.flat().every(Boolean)).toBe(true);
          expect(got.model).toEqual(
            p.days.map((_, d) =>
              jssOn(
                p,
                p.vars.map((v) => v.fileOption),
                d,
              ),
            ),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reports unsettled verdicts and no answers when the budget runs out', () => {
    fc.assert(
      fc.property(
        problemArb(() => ruleSets[0]),
        (p) => {
          const got = searchReadings(p, 3);
          if (got.complete) return;
          expect(got.fits === null || got.now === null || got.explanations === null).toBe(true);
          const want = bruteForce(p);
          if (got.fits !== null) expect(got.fits).toBe(want.fits);
          got.verdicts.forEach((row, i) => {
            row.forEach((s, j) => {
              if (s === 'possible' && want.fits) expect(want.possible[i][j]).toBe(true);
              if (s === 'ruledOut') expect(want.possible[i][j]).toBe(false);
            });
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
