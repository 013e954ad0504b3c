import { rankOfJss } from './jss-rank.js';
import type { OutcomeFigures } from './outcome-figures.js';
import type { ClassifyRule, Feedback, Range } from './types.js';

/** A scenario outcome as scored, with what the sentence needs to explain it. */
export interface ScoredOutcome {
  name: string;
  feedback?: Feedback;
  /** The rule that decides the changed contract at the horizon. */
  rule: ClassifyRule;
  now: OutcomeFigures;
  horizon: OutcomeFigures & { date: string };
}

/** A scenario offered for an open contract, each of its outcomes scored, with its range at the horizon. */
export interface ScoredScenario {
  name: string;
  label: string;
  outcomes: ScoredOutcome[];
  best: number | null;
  worst: number | null;
}

export interface RecommendationContext {
  rules: string;
  /** The evaluation date. */
  asOf: string;
  /** The horizon date. */
  date: string;
  /** The baseline's JSS at the horizon (the contract left as it is). */
  baseline: number | null;
  /** The day the contract turns idle if left as it is, when that is on or before the horizon. */
  idleFrom?: string;
}

/**
 * One sentence in absolute figures, all of them in the table (DESIGN §4): the recommended
 * scenario's JSS at the horizon (its range when its outcomes differ), the JSS at the horizon if
 * the contract is left as it is (with the day it turns idle, when that comes by then), and the
 * worst case of the riskiest alternative.
 */
export function explainRecommendation(
  rec: ScoredScenario,
  all: readonly ScoredScenario[],
  ctx: RecommendationContext,
): string {
  const parts = [`${rec.label}: ${range(rec)} on ${ctx.date} under ${ctx.rules}${spread(rec)}`];
  const idle =
    ctx.idleFrom === undefined
      ? ''
      : ctx.idleFrom <= ctx.asOf
        ? `idle since ${ctx.idleFrom}`
        : `it turns idle on ${ctx.idleFrom}`;
  if (rec.name === LEAVE_AS_IS && rec.outcomes.length === 1) {
    if (idle) parts[0] += ` (${idle})`;
  } else {
    parts.push(`left as it is: ${jssWords(ctx.baseline)}${idle ? ` (${idle})` : ''}`);
  }
  const risk = riskiest(rec, all);
  if (risk) {
    const o = lowest(risk);
    const gives = risk.worst === null ? 'shows no JSS' : `gives ${risk.worst}%`;
    const atWorst = risk.best === risk.worst ? '' : ' at worst';
    parts.push(`the riskiest alternative, ${risk.name}, ${gives}${atWorst}${condition(risk, o)}`);
  }
  return `${parts.join('; ')}.`;
}

/** The scenario that changes nothing: its figures are the baseline's. */
const LEAVE_AS_IS = 'leave-open';

function range(s: ScoredScenario): string {
  if (s.best === s.worst) return jssWords(s.best);
  if (s.worst === null) return `no JSS shown to ${s.best}%`;
  return `${s.worst}–${s.best}%`;
}

/** Which outcome gives the low end, when the scenario's outcomes differ. */
function spread(s: ScoredScenario): string {
  if (s.best === s.worst) return '';
  const low = lowest(s);
  return `, ${jssWords(low.horizon.jss)}${condition(s, low)}`;
}

function jssWords(jss: number | null): string {
  return jss === null ? 'no JSS shown' : `${jss}%`;
}

/** The other scenario with the lowest worst case at the horizon (ties: catalog order). */
function riskiest(rec: ScoredScenario, all: readonly ScoredScenario[]): ScoredScenario | undefined {
  let found: ScoredScenario | undefined;
  for (const s of all) {
    if (s !== rec && (!found || rankOfJss(s.worst) < rankOfJss(found.worst))) found = s;
  }
  return found;
}

/** The outcome with the lowest JSS at the horizon (the first on ties). */
function lowest(s: ScoredScenario): ScoredOutcome {
  return s.outcomes.reduce((a, b) => (rankOfJss(b.horizon.jss) < rankOfJss(a.horizon.jss) ? b : a));
}

/** ` if the client … (outcome)`, or just ` (outcome)` when the outcome leaves feedback as it is. */
function condition(s: ScoredScenario, o: ScoredOutcome): string {
  const words = feedbackWords(o);
  if (words) return ` ${words} (${o.name})`;
  return s.outcomes.length > 1 ? ` (${o.name})` : '';
}

/**
 * The feedback in words, widened to the range of the rule that decided it where that range says
 * more ("privately rates you 6/10 or less" rather than "4/10").
 */
function feedbackWords(o: ScoredOutcome): string {
  const fb = o.feedback;
  if (fb === undefined) return '';
  if (fb === 'none') return 'if the client leaves no feedback';
  const parts: string[] = [];
  if (fb.public !== undefined) parts.push(`leaves ${rangeWords(fb.public, o.rule.when.public, 1, 5, '★')}`);
  if (fb.private === 'none') parts.push('leaves no private rating');
  else if (fb.private !== undefined) {
    parts.push(`privately rates you ${rangeWords(fb.private, o.rule.when.private, 0, 10, '/10')}`);
  }
  return parts.length ? `if the client ${parts.join(' and ')}` : '';
}

function rangeWords(
  value: number,
  range: Range | 'unknown' | undefined,
  lo: number,
  hi: number,
  unit: string,
): string {
  if (range === undefined || range === 'unknown') return `${value}${unit}`;
  const min = range.min !== undefined && range.min > lo ? range.min : undefined;
  const max = range.max !== undefined && range.max < hi ? range.max : undefined;
  if (min !== undefined && max !== undefined) return min === max ? `${min}${unit}` : `${min}–${max}${unit}`;
  if (max !== undefined) return `${max}${unit} or less`;
  if (min !== undefined) return `${min}${unit} or more`;
  return `${value}${unit}`;
}
