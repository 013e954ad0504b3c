import { formatNumber } from '../core/format-number.js';
import {
  type ClassifyRule,
  type Feedback,
  isAverageWindow,
  type Matcher,
  type Outcome,
  type Range,
  type RuleSet,
  type Scenario,
} from '../core/types.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, wrapText } from './table.js';

export interface RuleSetSummary {
  name: string;
  summary: string;
  default: boolean;
}

/** `jss rules list`: one line per rule set, the default marked. */
export function renderRuleSetList(
  sets: readonly RuleSetSummary[],
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  const labels = sets.map((s) => (s.default ? `${s.name} (default)` : s.name));
  const rows = sets.map((s, i) => [style.bold(labels[i]), s.summary]);
  return `${formatTable(rows, [], '', { width, wrapLast: true })}\n\nSee one with: jss rules show NAME\n`;
}

/** `jss rules show`: everything a rule set says, and what each rule stands on. */
export function renderRuleSet(
  rules: RuleSet,
  info: { source: string; default: boolean },
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  const where = info.source === 'builtin' ? `built-in${info.default ? ', default' : ''}` : info.source;
  const out = [`${style.bold(rules.name)} ${style.dim(`(${where})`)}`, wrapText(rules.summary, width), ''];
  // Each line of a section is indented by 2; a line that starts with "- " continues under its text.
  const section = (title: string, lines: string[]) =>
    out.push(
      style.bold(title),
      ...lines.map((l) => wrapText(`  ${l}`, width, l.startsWith('- ') ? '    ' : '    ')),
      '',
    );

  section('Sources', rules.sources.length ? rules.sources : ['(none given)']);
  section(
    'Assumptions',
    rules.assumptions.length ? rules.assumptions.map((a) => `- ${a}`) : ['(none given)'],
  );
  section('Windows', windowLines(rules));
  section('Weights', weightLines(rules));
  section('Shown when', eligibilityLines(rules));
  out.push(style.bold('Classify (first match wins)'), ...classifyLines(rules.classify, style, width), '');
  section('Scenarios for open contracts', scenarioLines(rules.scenarios, style));
  return `${out.join('\n').trimEnd()}\n`;
}

function windowLines(rules: RuleSet): string[] {
  const width = Math.max(...rules.windows.map((w) => w.name.length));
  return rules.windows.map((w) => {
    const what = isAverageWindow(w) ? `average of ${w.average.join(' and ')}` : `the last ${w.months} months`;
    const hidden = w.display === false ? ' (not shown itself; used in averages)' : '';
    return `${w.name.padEnd(width)}  ${what}${hidden}`;
  });
}

function weightLines(rules: RuleSet): string[] {
  const { tiers, periodDays, max } = rules.weights;
  const lines = tiers.map((t, i) => {
    const before = tiers[i - 1]?.upTo;
    const span =
      t.upTo !== undefined
        ? `${i === 0 ? 'net earnings ' : ''}up to ${money(t.upTo)}`
        : before !== undefined
          ? `more than ${money(before)}`
          : 'every contract';
    return `${span.padEnd(24)}  counts as ${t.weight}`;
  });
  const top = Math.max(...tiers.map((t) => t.weight));
  if (max > top) lines.push(`+1 for every ${periodDays} days of regular payments, at most ${max} in all`);
  else lines.push(`at most ${max} (no bonus for regular payments)`);
  lines.push(`long-term client: payments spanning more than ${rules.longTerm.minSpanDays} days`);
  lines.push(`idle: an open contract ${rules.idle.afterDays} days after its last payment`);
  return lines;
}

function eligibilityLines(rules: RuleSet): string[] {
  const { minOutcomes, minClients } = rules.eligibility;
  const formula =
    rules.formula === 'net'
      ? 'max(0, success − negative) / total'
      : 'success / total (negative subtracts nothing)';
  return [
    `a window counts when it holds at least ${minOutcomes} outcomes from ${minClients} different clients`,
    `a JSS is shown only when ${rules.shownWhen.window} counts; it is the best of the windows that count`,
    `score = ${formula}, ${rules.rounding === 'round' ? 'rounded half up' : 'rounded down'} to a whole percent`,
    `badges: ${rules.badges.map((b) => `${b.name} at ${b.min}%`).join(', ') || 'none'}; thresholds: ${rules.thresholds.join(', ') || 'none'}`,
  ];
}

const WHEN_WIDTH = 44;

/**
 * The classify table, indented by 2: rule, when and outcome in columns with the basis under them;
 * where the columns do not fit `width`, each rule is a line of its own with its conditions and
 * basis under it.
 */
function classifyLines(classify: readonly ClassifyRule[], style: Style, width: number): string[] {
  const nameWidth = Math.max(4, ...classify.map((r) => r.name.length));
  const room = Math.min(WHEN_WIDTH, width - 2 - nameWidth - 2 - 2 - 'negative'.length);
  const lines: string[] = [];
  const whens = classify.map((r) => wrap(describeMatcher(r.when), Math.max(1, room)));
  const whenWidth = Math.max(4, ...whens.flat().map((l) => l.length));
  if (room < 20 || 2 + nameWidth + 2 + whenWidth + 2 + 'negative'.length > width) {
    for (const r of classify) {
      lines.push(`  ${r.name} → ${paintOutcome(r.outcome, style)}`);
      lines.push(...wrap(`when ${describeMatcher(r.when)}`, width - 4).map((l) => `    ${l}`));
      if (r.basis) lines.push(...wrap(r.basis, width - 4).map((l) => style.dim(`    ${l}`)));
    }
    return lines;
  }
  const indent = ' '.repeat(2 + nameWidth + 2);
  lines.push(style.dim(`  ${'rule'.padEnd(nameWidth)}  ${'when'.padEnd(whenWidth)}  outcome`));
  classify.forEach((r, i) => {
    const [first, ...more] = whens[i];
    lines.push(
      `  ${r.name.padEnd(nameWidth)}  ${first.padEnd(whenWidth)}  ${paintOutcome(r.outcome, style)}`,
    );
    lines.push(...more.map((l) => `${indent}${l}`));
    if (r.basis)
      lines.push(
        ...wrap(r.basis, Math.max(20, width - indent.length)).map((l) => style.dim(`${indent}${l}`)),
      );
  });
  return lines;
}

/** Breaks text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  return wrapText(text, width).split('\n');
}

function paintOutcome(outcome: Outcome, style: Style): string {
  if (outcome === 'success') return style.good(outcome);
  if (outcome === 'negative') return style.bad(outcome);
  if (outcome === 'neutral') return outcome;
  return style.dim(outcome);
}

/** A matcher in words: `earnings ≤ $0, private ≤ 6`; `(always)` when empty. */
export function describeMatcher(m: Matcher): string {
  const parts: string[] = [];
  const flag = (value: boolean | undefined, yes: string, no: string) => {
    if (value !== undefined) parts.push(value ? yes : no);
  };
  if (m.status !== undefined) parts.push(`status ${m.status}`);
  if (m.type !== undefined) parts.push(m.type);
  flag(m.open, 'open', 'not open');
  flag(m.idle, 'idle', 'not idle');
  flag(m.longTermClient, 'long-term client', 'not a long-term client');
  flag(m.clientSuspended, 'client suspended', 'client not suspended');
  if (m.endedBy !== undefined) parts.push(`ended by ${m.endedBy}`);
  if (m.endReason !== undefined) {
    parts.push(
      Array.isArray(m.endReason) ? `end reason in (${m.endReason.join(', ')})` : `end reason ${m.endReason}`,
    );
  }
  if (m.dispute !== undefined) parts.push(`dispute ${m.dispute}`);
  if (m.feedback !== undefined) {
    parts.push(
      m.feedback === 'none' ? 'no feedback' : m.feedback === 'given' ? 'feedback given' : 'feedback unknown',
    );
  }
  if (m.earnings !== undefined) parts.push(describeRange('earnings', m.earnings, money));
  if (m.public !== undefined) parts.push(describeRange('public', m.public, String));
  if (m.private !== undefined) parts.push(describeRange('private', m.private, String));
  return parts.length ? parts.join(', ') : '(always)';
}

function describeRange(what: string, r: Range | 'unknown', show: (n: number) => string): string {
  if (r === 'unknown') return `${what} unknown`;
  if (r.min !== undefined && r.max !== undefined) {
    return r.min === r.max ? `${what} ${show(r.min)}` : `${what} ${show(r.min)}–${show(r.max)}`;
  }
  if (r.min === 0) return `${what} known`;
  if (r.min !== undefined) return `${what} ≥ ${show(r.min)}`;
  if (r.max !== undefined) return `${what} ≤ ${show(r.max)}`;
  return `${what} known`;
}

function scenarioLines(scenarios: readonly Scenario[], style: Style): string[] {
  if (scenarios.length === 0) return ['(none)'];
  const lines: string[] = [];
  for (const s of scenarios) {
    lines.push(`${style.bold(s.name)}  ${s.label}`);
    if (s.when) lines.push(style.dim(`  offered when ${describeMatcher(s.when)}`));
    if (s.payments === 'continue')
      lines.push(style.dim('  payments continue at its own rhythm up to the day scored'));
    if (s.set) {
      const set = Object.entries(s.set).map(([k, v]) => `${k}: ${v}`);
      lines.push(style.dim(`  sets ${set.join(', ')}`));
    }
    const width = Math.max(...s.outcomes.map((o) => o.name.length));
    for (const o of s.outcomes) {
      const label = o.label ? ` (${o.label})` : '';
      lines.push(`  ${o.name.padEnd(width)}  ${describeFeedback(o.feedback)}${label}`);
    }
  }
  return lines;
}

function describeFeedback(f: Feedback | undefined): string {
  if (f === undefined) return 'feedback unchanged';
  if (f === 'none') return 'no feedback';
  const parts = [
    f.public !== undefined ? `${f.public}★` : '',
    f.private !== undefined ? `private ${f.private}` : '',
  ];
  return parts.filter(Boolean).join(', ') || 'feedback with no scores';
}

function money(n: number): string {
  return `$${formatNumber(n, { maximumFractionDigits: 2 })}`;
}
