import { applyScenario } from './apply-changes.js';
import {
  type BaselineDay,
  baselineDay,
  type ChangedFacts,
  type ClientSpans,
  changedFacts,
  changesNothing,
  classifyChanges,
  clientSpans,
  selectionWith,
} from './changed-contracts.js';
import { isIdle, matches } from './classify.js';
import { toIso } from './dates.js';
import { type DayState, type PreparedHistory, stateAt } from './evaluate.js';
import type { ContractFacts } from './facts.js';
import { jssOfRank, rankOfJss } from './jss-rank.js';
import type { OutcomeFigures } from './outcome-figures.js';
import { explainRecommendation, type RecommendationContext, type ScoredScenario } from './recommendation.js';
import type { ClassifyRule, Contract, ScenarioOutcome } from './types.js';

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
 * outcome changes one contract, which is scored against them (`changed-contracts.ts`): it costs
 * O(windows), whatever the size of the contract's client, not a re-run of the history.
 */
export function pendingScenarios(
  prepared: PreparedHistory,
  horizonDays: number,
  now?: DayState,
): PendingContract[] {
  if (!prepared.facts.some((f) => f.open)) return [];
  const spans = clientSpans(prepared);
  const days = [
    baselineDay(prepared, now ?? stateAt(prepared, prepared.asOf), spans),
    baselineDay(prepared, stateAt(prepared, prepared.asOf + horizonDays), spans),
  ];
  const out: PendingContract[] = [];
  prepared.facts.forEach((f, index) => {
    if (f.open) out.push(pendingContract(prepared, spans, days, f, index));
  });
  return out;
}

/** One open contract's scenarios, each outcome scored on both days, and the one recommended. */
function pendingContract(
  prepared: PreparedHistory,
  spans: ClientSpans,
  days: readonly BaselineDay[],
  f: ContractFacts,
  index: number,
): PendingContract {
  const asOf = toIso(prepared.asOf);
  const horizonDate = toIso(days[1].day);
  const memos = days.map(() => new Map<string, number | null>());
  const idleToday = isIdle(f, prepared.asOf);
  const offered = prepared.rules.scenarios.filter((s) => !s.when || matches(s.when, f, idleToday));
  const scored = offered.map((scenario): ScoredScenario => {
    // A scenario that continues payments pays up to the day scored, so each day has its own contract.
    const scoredDays = days.map((d, n) => (n > 0 && scenario.payments === 'continue' ? toIso(d.day) : asOf));
    // The outcomes of a scenario differ in feedback only, which no fact depends on: the facts of
    // its first outcome serve them all, each with its own contract.
    let shared: ChangedFacts[] | undefined;
    const outcomes = scenario.outcomes.map((outcome) => {
      const changed: ChangedFacts[] = [];
      scoredDays.forEach((scoredDay, n) => {
        if (n > 0 && scoredDay === scoredDays[n - 1]) {
          changed.push(changed[n - 1]);
          return;
        }
        const contract = applyScenario(f.contract, scenario, outcome, asOf, scoredDay);
        changed.push(
          shared
            ? withContract(shared[n], contract)
            : changedFacts(prepared, spans, { replaced: [{ index, contract }], added: [] }),
        );
      });
      shared ??= changed;
      const [now, horizon] = days.map((d, n) => scoreOutcome(d, changed[n], memos[n]));
      return {
        name: outcome.name,
        feedback: outcome.feedback,
        rule: horizon.rule,
        now: { jss: now.jss, delta: delta(now.jss, days[0].selection.jss) },
        horizon: { date: horizonDate, jss: horizon.jss, delta: delta(horizon.jss, days[1].selection.jss) },
      };
    });
    const ranked = outcomes.map((o) => rankOfJss(o.horizon.jss));
    return {
      name: scenario.name,
      label: scenario.label,
      outcomes,
      best: jssOfRank(Math.max(...ranked)),
      worst: jssOfRank(Math.min(...ranked)),
    };
  });
  return {
    id: f.contract.id,
    scenarios: scored.map(({ name, label, outcomes, best, worst }) => ({
      name,
      label,
      outcomes: outcomes.map((o) => ({ name: o.name, now: o.now, horizon: o.horizon })),
      best,
      worst,
    })),
    recommendation: recommend(scored, {
      rules: prepared.rules.name,
      asOf,
      date: horizonDate,
      baseline: days[1].selection.jss,
      idleFrom: f.idleFrom !== undefined && f.idleFrom <= days[1].day ? toIso(f.idleFrom) : undefined,
    }),
  };
}

/**
 * An outcome's keys, checked at compile time: a key that changed something other than feedback
 * would make `withContract`'s sharing wrong, and must fail the type check here first.
 */
const outcomeChangesFeedbackOnly: [keyof ScenarioOutcome] extends ['name' | 'label' | 'feedback']
  ? true
  : false = true;
void outcomeChangesFeedbackOnly;

/** One changed contract's facts with another version of the contract that differs in feedback only. */
function withContract(changed: ChangedFacts, contract: Contract): ChangedFacts {
  return { ...changed, facts: [{ ...changed.facts[0], contract }] };
}

/**
 * The JSS on the baseline's day with one contract changed (`changed`), and the rule
 * that decides the changed contract that day. Outcomes that move the same share (say, two ratings
 * that both count as a success) score alike: `memo` remembers them by that share.
 */
function scoreOutcome(
  base: BaselineDay,
  changed: ChangedFacts,
  memo: Map<string, number | null>,
): { jss: number | null; rule: ClassifyRule } {
  const derived = classifyChanges(base, changed);
  const cls = derived.classes[0];
  const rule = cls.rule;
  if (changesNothing(base, derived)) return { jss: base.selection.jss, rule };
  const key = `${derived.flipped.length}:${cls.outcome}:${cls.countDay}:${derived.facts[0].weight}`;
  const known = memo.get(key);
  if (known !== undefined) return { jss: known, rule };
  const { jss } = selectionWith(base, derived);
  memo.set(key, jss);
  return { jss, rule };
}

function delta(jss: number | null, baseline: number | null): number | null {
  return jss === null || baseline === null ? null : jss - baseline;
}

/**
 * The scenario with the highest worst case at the horizon (ties: the higher best case, then
 * catalog order), with the sentence that says why.
 */
function recommend(
  scored: ScoredScenario[],
  context: RecommendationContext,
): PendingContract['recommendation'] {
  if (scored.length === 0) return { scenario: '', why: `${context.rules} has no scenarios to compare` };
  let best = scored[0];
  for (const s of scored.slice(1)) {
    const byWorst = rankOfJss(s.worst) - rankOfJss(best.worst);
    if (byWorst > 0 || (byWorst === 0 && rankOfJss(s.best) > rankOfJss(best.best))) best = s;
  }
  return { scenario: best.name, why: explainRecommendation(best, scored, context) };
}
