import type { OutcomeFigures } from './scenarios.js';
import type { ClassifyRule, Feedback, Range } from './types.js';

/** A scenario outcome as scored, with what the sentence needs to explain it. */
export interface JudgedOutcome {
  name: string;
  feedback?: Feedback;
  /** The rule that decides the changed contract at the horizon. */
  rule: ClassifyRule;
  now: OutcomeFigures;
  horizon: OutcomeFigures & { date: string };
}

export interface Judged {
  name: string;
  label: string;
  outcomes: JudgedOutcome[];
  best: number | null;
  worst: number | null;
}

export interface RecommendationContext {
  rules: string;
  /** The horizon date. */
  date: string;
  /** The baseline's JSS at the horizon. */
  baseline: number | null;
}

/** A JSS that is not shown ranks below 0. */
export function rank(jss: number | null): number {
  return jss ?? -1;
}

/**
 * One sentence, computed from the numbers at the horizon: the recommended scenario's label, what
 * it costs at worst (or that it costs nothing), and the main risk of the alternatives (the worst
 * alternative's worst outcome and its delta).
 */
export function explainRecommendation(
  rec: Judged,
  all: readonly Judged[],
  ctx: RecommendationContext,
): string {
  const under = `under ${ctx.rules} by ${ctx.date}`;
  const low = lowest(rec);
  const high = highest(rec);
  let text: string;
  if (rec.worst === null) {
    text =
      rec.best === null
        ? `no choice shows a JSS ${under}`
        : `no choice is sure to keep a JSS shown ${under}; this one gives ${rec.best}% at best${condition(rec, high)}`;
  } else if (ctx.baseline === null) {
    text = `it gives at least ${rec.worst}% ${under}, where leaving things as they are shows no JSS`;
  } else {
    const worst = low.horizon.delta as number;
    const best = high.horizon.delta as number;
    if (worst < 0) text = `it costs up to ${points(-worst)} ${under}${condition(rec, low)}`;
    else if (worst > 0) text = `it gains at least ${points(worst)} ${under}`;
    else text = `it costs nothing ${under}`;
    if (best > 0 && best > worst) text += `, and gains up to ${points(best)}${condition(rec, high)}`;
  }
  return `${rec.label}: ${text}${alternativesRisk(rec, all, ctx)}.`;
}

function alternativesRisk(rec: Judged, all: readonly Judged[], ctx: RecommendationContext): string {
  let riskiest: Judged | undefined;
  for (const s of all) {
    if (s !== rec && (!riskiest || rank(s.worst) < rank(riskiest.worst))) riskiest = s;
  }
  if (!riskiest || (rec.worst === null && rec.best === null)) return '';
  const o = lowest(riskiest);
  const which = `the riskiest alternative, ${lowerFirst(riskiest.label)},`;
  if (o.horizon.jss === null) return `; ${which} leaves no JSS shown${condition(riskiest, o)}`;
  if (ctx.baseline === null) return `; the others give at least ${riskiest.worst}%`;
  const d = o.horizon.delta as number;
  if (d < 0) return `; ${which} costs up to ${points(-d)}${condition(riskiest, o)}`;
  return '; no alternative costs anything either';
}

/** The outcome with the lowest JSS at the horizon (the first on ties). */
function lowest(s: Judged): JudgedOutcome {
  return s.outcomes.reduce((a, b) => (rank(b.horizon.jss) < rank(a.horizon.jss) ? b : a));
}

function highest(s: Judged): JudgedOutcome {
  return s.outcomes.reduce((a, b) => (rank(b.horizon.jss) > rank(a.horizon.jss) ? b : a));
}

function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** ` if the client … (outcome)`, or just ` (outcome)` when the outcome leaves feedback as it is. */
function condition(s: Judged, o: JudgedOutcome): string {
  const words = feedbackWords(o);
  if (words) return ` ${words} (${o.name})`;
  return s.outcomes.length > 1 ? ` (${o.name})` : '';
}

/**
 * The feedback in words, widened to the range of the rule that decided it where that range says
 * more ("privately rates you 6/10 or less" rather than "4/10").
 */
function feedbackWords(o: JudgedOutcome): string {
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
