import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, prepare } from '../../src/core/evaluate.js';
import { forecast } from '../../src/core/forecast.js';
import { rewindHistory } from '../../src/core/rewind.js';
import type { Contract, History, RuleSet } from '../../src/core/types.js';
import { BUILTIN, loadRuleSet } from '../../src/rules/load-rules.js';
import { repoRoot } from '../helpers/run-cli.js';
import { addDays, caseArb } from '../reference/history-arb.js';

const RUNS = Math.max(20, Math.round(Number(process.env.JSS_REFERENCE_RUNS ?? 300) / 6));

const ruleSets = new Map<string, RuleSet>();
beforeAll(async () => {
  for (const name of BUILTIN) ruleSets.set(name, (await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
});

/** The history as it stood on `day` (guesses at `fixedAt`), evaluated that day: DESIGN §8 as written. */
function onDay(history: History, rules: RuleSet, day: string, fixedAt: string) {
  const h = day < fixedAt ? rewindHistory(history, day, fixedAt).history : history;
  const e = evaluate(h, rules, { asOf: day });
  // §2: "an open contract is idle on a day D when D is at least `afterDays` days after its last
  // payment date (or its `start`, if it has none)"; a last payment left to guess is that day's.
  const idle = new Map(
    h.contracts.map((c) => {
      if (c.status === 'ended') return [c.id, false];
      const paid = c.earnings > 0;
      const last = !paid
        ? c.start
        : c.payments?.length
          ? c.payments.map((p) => p.date).sort()[c.payments.length - 1]
          : (c.lastPayment ?? day);
      return [c.id, day >= addDays(last, rules.idle.afterDays)];
    }),
  );
  return { ...e, idle };
}

/** Each day's events, by comparing its evaluation with the day before's (forecast's order). */
function eventsBetween(before: ReturnType<typeof onDay>, after: ReturnType<typeof onDay>, rules: RuleSet) {
  const windows = rules.windows.filter((w) => 'months' in w).map((w) => w.name);
  const out: { date: string; contract: string; window: string | null; what: string }[] = [];
  const was = new Map(before.contracts.map((c) => [c.id, c]));
  for (const now of after.contracts) {
    const prev = was.get(now.id);
    // "turns-idle": the day an open contract turns idle changes its classification
    if (
      prev &&
      prev.status !== 'ended' &&
      now.status !== 'ended' &&
      !before.idle.get(now.id) &&
      after.idle.get(now.id) &&
      (prev.rule !== now.rule || prev.outcome !== now.outcome)
    )
      out.push({ date: after.date, contract: now.id, window: null, what: 'turns-idle' });
    for (const w of windows) {
      const inBefore = prev?.windows.includes(w) ?? false;
      const inAfter = now.windows.includes(w);
      if (inAfter && !inBefore) out.push({ date: after.date, contract: now.id, window: w, what: 'enters' });
      if (!inAfter && inBefore) out.push({ date: after.date, contract: now.id, window: w, what: 'leaves' });
    }
  }
  return out;
}

/**
 * `forecast --from`, checked day by day: each past day as DESIGN §8 defines it, the evaluation date
 * E (the history's date H, or with --as-of up to 60 days before it) and after it the forward
 * forecast; the events and crossings from comparing each day with the one before.
 */
function checkPast(
  history: History,
  rules: RuleSet,
  { h, e, from, until }: { h: string; e: string; from: string; until: string },
): void {
  const atE = e < h ? rewindHistory(history, e, h).history : history;
  const report = forecast(prepare(atE, rules, e), {
    until,
    step: 'day',
    past: { from, history, fixedAt: h },
  });
  const forward = forecast(prepare(atE, rules, e), { until, step: 'day' });
  const days: string[] = [];
  for (let d = from; d < e; d = addDays(d, 1)) days.push(d);
  const evaluations = days.map((d) => onDay(history, rules, d, h));
  expect(report.series).toEqual([
    ...evaluations.map((v) => ({ date: v.date, jss: v.jss, score: v.score, window: v.window })),
    ...forward.series,
  ]);
  const all = [...evaluations, onDay(atE, rules, e, e)];
  const expectedEvents = all.slice(1).flatMap((v, i) => eventsBetween(all[i], v, rules));
  expect(report.events).toEqual([...expectedEvents, ...forward.events]);
  const crossings = [];
  for (let i = 1; i < all.length; i++) {
    const [b, a] = [all[i - 1], all[i]];
    if (b.shown !== a.shown)
      crossings.push({ threshold: null, date: a.date, direction: a.shown ? 'up' : 'down' });
    for (const t of rules.thresholds) {
      const was = b.jss !== null && b.jss >= t;
      const is = a.jss !== null && a.jss >= t;
      if (was !== is) crossings.push({ threshold: t, date: a.date, direction: is ? 'up' : 'down' });
    }
  }
  expect(report.crossings).toEqual([...crossings, ...forward.crossings]);
}

const pastArb = caseArb.chain((c) =>
  fc.record({
    case: fc.constant(c),
    back: fc.integer({ min: 0, max: 300 }),
    early: fc.oneof(
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }) },
    ),
    ahead: fc.integer({ min: 0, max: 60 }),
  }),
);

describe.each(BUILTIN)('forecast --from under %s', (name) => {
  it('shows each past day as the history stood then, and finds its crossings and events day by day', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(pastArb, ({ case: { history, asOf: h }, back, early, ahead }) => {
        const e = addDays(h, -early);
        checkPast(history, rules, { h, e, from: addDays(e, -back), until: addDays(e, ahead) });
      }),
      { numRuns: RUNS },
    );
  });

  it('contracts paid pro rata for months at one weight never turn idle, and their counts never age out', () => {
    const rules = ruleSets.get(name)!;
    const base = { type: 'hourly' as const, refunded: 0, dispute: 'none' as const, clientSuspended: false };
    const history: History = {
      version: 1,
      asOf: '2026-11-26',
      contracts: [
        // paid from 2023-01-02, its last payment guessed on the history's date: pro rata every day
        { ...base, id: 'LONG', client: 'l', status: 'active', start: '2023-01-02', earnings: 90000 },
        {
          ...base,
          id: 'A',
          client: 'a',
          status: 'ended',
          start: '2025-06-01',
          end: '2025-06-20',
          earnings: 300,
          feedback: { public: 5 },
        },
        {
          ...base,
          id: 'B',
          client: 'b',
          status: 'ended',
          start: '2026-02-01',
          end: '2026-02-10',
          earnings: 300,
          feedback: { public: 2 },
        },
        // paid pro rata from 2026-03-01 too, not yet long-term for 90 days: never idle either
        { ...base, id: 'SHORT', client: 's', status: 'active', start: '2026-03-01', earnings: 90000 },
      ],
    };
    checkPast(history, rules, { h: '2026-11-26', e: '2026-11-26', from: '2024-11-26', until: '2026-12-31' });
    checkPast(history, rules, { h: '2026-11-26', e: '2026-10-01', from: '2025-01-01', until: '2026-10-01' });
  });

  it('an idle contract whose client turns long-term changes its rule without turning idle again', () => {
    const rules = ruleSets.get(name)!;
    const base = { type: 'hourly' as const, refunded: 0, dispute: 'none' as const, clientSuspended: false };
    const history: History = {
      version: 1,
      asOf: '2026-11-26',
      contracts: [
        // idle from 2025-04-10 (or earlier under shorter idle rules)
        {
          ...base,
          id: 'X',
          client: 'c',
          status: 'paused',
          start: '2025-01-01',
          earnings: 500,
          firstPayment: '2025-01-01',
          lastPayment: '2025-01-10',
        },
        // the same client pays again on 2025-06-01: long-term from then on
        {
          ...base,
          id: 'Y',
          client: 'c',
          status: 'ended',
          start: '2025-06-01',
          end: '2025-06-01',
          earnings: 100,
          payments: [{ date: '2025-06-01', amount: 100 }],
          feedback: { public: 5 },
        },
        {
          ...base,
          id: 'Z',
          client: 'z',
          status: 'ended',
          start: '2025-02-01',
          end: '2025-02-02',
          earnings: 300,
          feedback: { public: 5 },
        },
      ],
    };
    checkPast(history, rules, { h: '2026-11-26', e: '2026-11-26', from: '2025-01-01', until: '2026-11-26' });
  });

  it('agrees with a forecast from the first day when nothing but time passes in between', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(pastArb, ({ case: { history, asOf: h }, back }) => {
        const from = addDays(h, -back);
        // only contracts that nothing happens to after `from`: ended by then, or open and paid by then
        const settled = (c: Contract) =>
          c.start <= from &&
          (c.status === 'ended'
            ? (c.end as string) <= from
            : c.earnings === 0 ||
              (c.payments
                ? c.payments.every((p) => p.date <= from)
                : c.lastPayment !== undefined && c.lastPayment <= from));
        const quiet: History = { ...history, contracts: history.contracts.filter(settled) };
        const past = forecast(prepare(quiet, rules, h), {
          until: h,
          step: 'day',
          past: { from, history: quiet, fixedAt: h },
        });
        const fromThen = forecast(prepare(rewindHistory(quiet, from, h).history, rules, from), {
          until: h,
          step: 'day',
        });
        expect(past.series).toEqual(fromThen.series);
        expect(past.crossings).toEqual(fromThen.crossings);
        expect(past.events).toEqual(fromThen.events);
      }),
      { numRuns: RUNS },
    );
  });
});
