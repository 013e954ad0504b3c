import { applyScenario } from './apply-changes.js';
import { type Classification, classify, counts, isIdle, matches } from './classify.js';
import { type Day, toIso } from './dates.js';
import { type DayState, type PreparedHistory, stateAt } from './evaluate.js';
import { type ContractFacts, refreshClientFacts } from './facts.js';
import type { OutcomeFigures } from './outcome-figures.js';
import { explainRecommendation, type Judged, type RecommendationContext, rank } from './recommendation.js';
import type { ClassifyRule } from './types.js';
import { addCounted, monthWindows, selectionOf, type Totals, windowStart } from './windows.js';

export interface ScenarioOutcomeReport {
  name: string;
  now: OutcomeFigures;
  horizon: OutcomeFigures & { date: string };
}

export interface ScenarioReport {
  name: string;
  label: string;
  outcomes: ScenarioOutcomeReport[];
  best: number | null;
  worst: number | null;
}

export interface PendingContract {
  id: string;
  scenarios: ScenarioReport[];
  recommendation: { scenario: string; why: string };
}

/**
 * The what-if scenarios of every open contract (DESIGN §4), scored at the evaluation date and at
 * `horizonDays` after it. The baseline's classes and window totals are computed once per day; an
 * outcome only re-derives the facts of the changed contract's client and moves that client's
 * contributions in the totals (then moves them back), so each outcome costs O(contracts of the
 * client × windows), not a re-run of the history.
 */
export function pendingScenarios(
  prepared: PreparedHistory,
  horizonDays: number,
  now?: DayState,
): PendingContract[] {
  if (!prepared.facts.some((f) => f.open)) return [];
  const days = [
    baselineDay(prepared, now ?? stateAt(prepared, prepared.asOf)),
    baselineDay(prepared, stateAt(prepared, prepared.asOf + horizonDays)),
  ];
  const byClient = indexByClient(prepared.facts);
  const asOf = toIso(prepared.asOf);
  const horizonDate = toIso(days[1].day);
  const out: PendingContract[] = [];
  prepared.facts.forEach((f, i) => {
    if (!f.open) return;
    const siblings = byClient.get(f.contract.client) as number[];
    const siblingFacts = siblings.map((k) => prepared.facts[k]);
    const at = siblings.indexOf(i);
    const memos = days.map(() => new Map<string, number | null>());
    const idleToday = isIdle(f, prepared.asOf);
    const offered = prepared.rules.scenarios.filter((s) => !s.when || matches(s.when, f, idleToday));
    const judged = offered.map((scenario): Judged => {
      const outcomes = scenario.outcomes.map((outcome) => {
        // A scenario that continues payments pays up to the day scored, so each day has its own contract.
        let changed = applyScenario(f.contract, scenario, outcome, asOf);
        let facts = refreshClientFacts(siblingFacts, at, changed, prepared.rules, prepared.asOf);
        const [now, horizon] = days.map((d, n) => {
          if (n > 0 && scenario.payments === 'continue') {
            changed = applyScenario(f.contract, scenario, outcome, asOf, toIso(d.day));
            facts = refreshClientFacts(siblingFacts, at, changed, prepared.rules, prepared.asOf);
          }
          return scoreChange(prepared, d, siblings, facts, at, memos[n]);
        });
        return {
          name: outcome.name,
          feedback: outcome.feedback,
          rule: horizon.rule,
          now: { jss: now.jss, delta: delta(now.jss, days[0].jss) },
          horizon: { date: horizonDate, jss: horizon.jss, delta: delta(horizon.jss, days[1].jss) },
        };
      });
      const ranked = outcomes.map((o) => rank(o.horizon.jss));
      return {
        name: scenario.name,
        label: scenario.label,
        outcomes,
        best: unrank(Math.max(...ranked)),
        worst: unrank(Math.min(...ranked)),
      };
    });
    out.push({
      id: f.contract.id,
      scenarios: judged.map(({ name, label, outcomes, best, worst }) => ({
        name,
        label,
        outcomes: outcomes.map((o) => ({ name: o.name, now: o.now, horizon: o.horizon })),
        best,
        worst,
      })),
      recommendation: recommend(judged, {
        rules: prepared.rules.name,
        asOf,
        date: horizonDate,
        baseline: days[1].jss,
        idleFrom: f.idleFrom !== undefined && f.idleFrom <= days[1].day ? toIso(f.idleFrom) : undefined,
      }),
    });
  });
  return out;
}

function unrank(r: number): number | null {
  return r < 0 ? null : r;
}

function delta(jss: number | null, baseline: number | null): number | null {
  return jss === null || baseline === null ? null : jss - baseline;
}

/**
 * The scenario with the highest worst case at the horizon (ties: the higher best case, then
 * catalog order), with the sentence that says why.
 */
function recommend(judged: Judged[], context: RecommendationContext): PendingContract['recommendation'] {
  if (judged.length === 0) return { scenario: '', why: `${context.rules} has no scenarios to compare` };
  let best = judged[0];
  for (const s of judged.slice(1)) {
    const byWorst = rank(s.worst) - rank(best.worst);
    if (byWorst > 0 || (byWorst === 0 && rank(s.best) > rank(best.best))) best = s;
  }
  return { scenario: best.name, why: explainRecommendation(best, judged, context) };
}

// ---- the incremental path --------------------------------------------------------------------

interface BaselineDay {
  day: Day;
  /** Month windows with their first day. */
  windows: { name: string; start: Day }[];
  classes: Classification[];
  totals: Map<string, Totals>;
  jss: number | null;
}

function baselineDay(prepared: PreparedHistory, { day, classes, totals }: DayState): BaselineDay {
  const windows = monthWindows(prepared.rules).map((w) => ({
    name: w.name,
    start: windowStart(day, w.months),
  }));
  return { day, windows, classes, totals, jss: selectionOf(prepared.rules, totals).jss };
}

function indexByClient(facts: readonly ContractFacts[]): Map<string, number[]> {
  const byClient = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const list = byClient.get(f.contract.client);
    if (list) list.push(i);
    else byClient.set(f.contract.client, [i]);
  });
  return byClient;
}

/**
 * The JSS on `base.day` with the client's contracts (`siblings`, indices into the baseline) given
 * the fresh `facts` (long-term status may change with the changed one): their old contributions
 * leave the baseline totals and their new ones enter; after scoring, the totals are restored
 * exactly (weights are whole millionths). Also returns the rule that decides the changed contract
 * (at `changedAt` in `facts`) on that day.
 */
function scoreChange(
  prepared: PreparedHistory,
  base: BaselineDay,
  siblings: readonly number[],
  facts: readonly ContractFacts[],
  changedAt: number,
  memo: Map<string, number | null>,
): { jss: number | null; rule: ClassifyRule } {
  const { rules } = prepared;
  const classes = facts.map((f) => classify(f, rules, base.day));
  // Only contracts whose share changes are moved (usually just the changed one).
  const moved: { k: number; at: number }[] = [];
  siblings.forEach((k, at) => {
    const before = base.classes[k];
    const after = classes[at];
    if (
      before.outcome !== after.outcome ||
      before.countDay !== after.countDay ||
      prepared.facts[k].weight !== facts[at].weight
    )
      moved.push({ k, at });
  });
  const rule = classes[changedAt].rule;
  if (moved.length === 0) return { jss: base.jss, rule };
  // Outcomes that move the same shares (say, two ratings that both count as a success) score alike.
  const key = moved
    .map(({ at }) => `${at}:${classes[at].outcome}:${classes[at].countDay}:${facts[at].weight}`)
    .join('|');
  const known = memo.get(key);
  if (known !== undefined) return { jss: known, rule };
  const move = (sign: 1 | -1) => {
    for (const { k, at } of moved) {
      contribute(base, prepared.facts[k], base.classes[k], -sign as 1 | -1);
      contribute(base, facts[at], classes[at], sign);
    }
  };
  move(1);
  const { jss } = selectionOf(rules, base.totals);
  move(-1);
  memo.set(key, jss);
  return { jss, rule };
}

/** Adds (1) or removes (−1) one contract's share of the month windows on `base.day`. */
function contribute(base: BaselineDay, f: ContractFacts, c: Classification, sign: 1 | -1): void {
  if (c.countDay === undefined || !counts(c.outcome) || c.countDay > base.day) return;
  for (const w of base.windows) {
    if (c.countDay >= w.start)
      addCounted(base.totals.get(w.name) as Totals, c.outcome, f.weight, f.contract.client, sign);
  }
}
