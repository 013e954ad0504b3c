import type { HiddenContractReport, InferReport, Verdict } from '../core/infer.js';
import type { Matcher, Range, RuleSet } from '../core/types.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, percent, wrapText } from './table.js';

export interface InferView {
  report: InferReport;
  ruleSet: RuleSet;
  /** The file's own reading's verdict of each hidden contract (as `report.hidden`). */
  fileVerdicts: Verdict[];
  /** The file's own reading's JSS on the evaluation date. */
  model: number | null;
  /** The history file as given on the command line (for the suggestion to compare rule sets). */
  file: string;
}

const OUTCOME_WORDS: Record<string, string> = {
  success: 'a success',
  neutral: 'neutral',
  negative: 'negative',
  excluded: 'excluded',
  pending: 'pending',
};

/** The reasons that blame the freelancer (the `blamed` rules of the built-in sets). */
const BLAMING = new Set([
  'unresponsive',
  'misrepresented-skills',
  'unprofessional',
  'quality',
  'completed-unsuccessfully',
]);

/** How many contracts the headline names before it points to the table. */
const HEADLINE_CONTRACTS = 3;

function rangeWords(range: Range, noun: string, unit = ''): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined)
    return min === max ? `${noun} of ${min}${unit}` : `${noun} of ${min}${unit} to ${max}${unit}`;
  if (min !== undefined) return `${noun} of ${min}${unit} or more`;
  if (max !== undefined) return `${noun} of ${max}${unit} or less`;
  return `any ${noun}`;
}

/** A matcher's conditions in words ("a private rating of 6 or less"); `{}` is "anything else". */
export function describeMatcher(m: Matcher): string {
  const parts: string[] = [];
  if (m.clientSuspended !== undefined)
    parts.push(m.clientSuspended ? 'a suspended client' : 'a client not suspended');
  if (m.status !== undefined) parts.push(`status ${m.status}`);
  if (m.type !== undefined) parts.push(m.type === 'fixed' ? 'a fixed-price contract' : 'an hourly contract');
  if (m.open !== undefined) parts.push(m.open ? 'still open' : 'ended');
  if (m.idle !== undefined) parts.push(m.idle ? 'idle' : 'not idle');
  if (m.longTermClient !== undefined)
    parts.push(m.longTermClient ? 'a long-term client' : 'not a long-term client');
  if (m.dispute !== undefined) parts.push(`a dispute ${m.dispute}`);
  if (m.endedBy !== undefined) parts.push(`ended by the ${m.endedBy}`);
  if (m.feedback !== undefined)
    parts.push({ none: 'no feedback', given: 'feedback given', unknown: 'feedback unknown' }[m.feedback]);
  if (m.earnings !== undefined) {
    if (m.earnings === 'unknown') parts.push('earnings unknown');
    else if (m.earnings.max !== undefined && m.earnings.max <= 0 && m.earnings.min === undefined)
      parts.push('no net earnings');
    else parts.push(rangeWords(m.earnings, 'net earnings', ' USD'));
  }
  if (m.private !== undefined)
    parts.push(m.private === 'unknown' ? 'no private rating' : rangeWords(m.private, 'a private rating'));
  if (m.public !== undefined) {
    if (m.public === 'unknown') parts.push('no public stars');
    else if (m.public.max === undefined && (m.public.min ?? 0) <= 1) parts.push('any public stars');
    else parts.push(rangeWords(m.public, 'public stars', '★'));
  }
  if (m.endReason !== undefined) {
    const reasons = Array.isArray(m.endReason) ? m.endReason : [m.endReason];
    parts.push(
      reasons.length > 2 && reasons.every((r) => BLAMING.has(r))
        ? 'a blamed end reason'
        : `the end reason ${reasons.join(' or ')}`,
    );
  }
  return parts.length === 0 ? 'anything else' : parts.join(' and ');
}

function verdictWords(v: Verdict, rules: RuleSet): string {
  const rule = rules.classify.find((r) => r.name === v.rule);
  return rule ? describeMatcher(rule.when) : v.rule;
}

/** "BLOOM-2 was negative: a private rating of 6 or less, or a blamed end reason". */
function revealed(h: HiddenContractReport, rules: RuleSet): string {
  const outcomes = [...new Set(h.possible.map((v) => v.outcome))];
  const ways = [...new Set(h.possible.map((v) => verdictWords(v, rules)))];
  if (outcomes.length === 1) return `${h.contract} was ${OUTCOME_WORDS[outcomes[0]]}: ${ways.join(', or ')}`;
  const gone = [...new Set(h.ruledOut.map((v) => v.outcome))].filter((o) => !outcomes.includes(o));
  const words = (list: string[]) => orList(list.map((o) => OUTCOME_WORDS[o]));
  return `${h.contract} was ${words(outcomes)}${gone.length > 0 ? `, not ${words(gone)}` : ''}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function range(r: { min: number | null; max: number | null }): string {
  if (r.min === r.max) return percent(r.min);
  if (r.min === null) return `not shown to ${percent(r.max)}`;
  return `${r.min}–${percent(r.max)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The answer in words: whether the scores fit, what they reveal, and the JSS now. */
function headline(view: InferView): string[] {
  const { report: r, ruleSet, model } = view;
  const seen = r.observations.length;
  const scores = seen === 1 ? 'Your observed score' : `Your ${seen} observed scores`;
  const lines: string[] = [];
  if (r.fits === null) {
    lines.push(
      `${scores}: the search ran out of its step budget before settling whether ${seen === 1 ? 'it fits' : 'they fit'} ${ruleSet.name}.`,
    );
  } else if (!r.fits) {
    lines.push(
      `${scores} ${seen === 1 ? 'does' : 'do'} not fit ${ruleSet.name}: no reading of the hidden facts gives ${seen === 1 ? 'it' : 'them all'}.`,
    );
  } else {
    // First the surprises: contracts whose file reading is ruled out; then the others narrowed down.
    const learned = r.hidden.filter((h) => h.ruledOut.length > 0);
    const surprising = learned.filter((h) =>
      h.ruledOut.some((v) => v.rule === view.fileVerdicts[r.hidden.indexOf(h)]?.rule),
    );
    const they = seen === 1 ? 'It' : 'They';
    let sentence = `${scores} ${seen === 1 ? 'fits' : 'fit'} ${ruleSet.name}.`;
    if (learned.length === 0) sentence += ` ${they} rule out no hidden value.`;
    else {
      const lead = (surprising.length > 0 ? surprising : learned).slice(0, HEADLINE_CONTRACTS);
      const rest = learned.length - lead.length;
      sentence += ` ${they} reveal that ${lead.map((h) => revealed(h, ruleSet)).join('; ')}.`;
      if (rest > 0)
        sentence += ` ${they} also narrow down ${plural(rest, `${lead.length > 0 ? 'more ' : ''}hidden contract`)} (below).`;
    }
    lines.push(sentence);
  }
  if (r.now !== null) {
    const { min, max } = r.now;
    lines.push(
      min === max
        ? `Your JSS now: ${percent(min)}.`
        : `Your JSS now: ${model !== null && (min === null || model >= min) && max !== null && model <= max ? `${percent(model)} (${range(r.now)} depending on ratings still hidden)` : `${range(r.now)}, depending on ratings still hidden`}.`,
    );
  }
  if (!r.complete) {
    const open = r.hidden.reduce((n, h) => n + h.unresolved.length, 0);
    lines.push(
      `Incomplete: the search ran out of its step budget; ${plural(open, 'verdict')} ${open === 1 ? 'is' : 'are'} unsettled (unresolved below), and nothing unsettled is shown as a result.`,
    );
  }
  return lines;
}

/** Human output of `jss infer` for one rule set. */
export function renderInfer(view: InferView, style: Style, width = DEFAULT_WIDTH): string {
  const { report: r } = view;
  const [first, ...rest] = headline(view);
  const out = [
    style.bold(first),
    ...rest,
    ...misfitLines(view),
    ...hiddenLines(r, style, width),
    ...explanationLines(r, style),
    ...observedLines(r, style),
    ...betweenLines(r, style),
  ];
  // Tables are fitted above; every other line wraps under its own indentation.
  return `${out.map((line) => wrapText(line, width, `${/^ */.exec(line)?.[0] ?? ''}  `)).join('\n')}\n`;
}

/** When the scores do not fit: which are out of reach, and what to try. */
function misfitLines(view: InferView): string[] {
  const { report: r } = view;
  if (r.fits !== false) return [];
  const lines: string[] = [];
  const outside = r.observations.filter(
    (o) => o.range !== null && ((o.jss ?? -1) < (o.range.min ?? -1) || (o.jss ?? -1) > (o.range.max ?? -1)),
  );
  lines.push('');
  if (outside.length > 0) {
    for (const o of outside) {
      const reach = o.range;
      if (reach === null) continue;
      const gives =
        reach.max === null
          ? 'no reading shows a score that day'
          : reach.min === reach.max
            ? `every reading gives ${percent(reach.min)} that day`
            : `readings give only ${range(reach)} that day`;
      lines.push(`Out of reach: on ${o.date} you saw ${percent(o.jss)}, but ${gives}.`);
    }
  } else
    lines.push(
      `${r.observations.length === 1 ? 'The score lies' : 'Each score lies'} between the lowest and highest its day allows, but no reading gives ${r.observations.length === 1 ? 'it' : 'them all'} exactly.`,
    );
  lines.push(
    'The history may lack something (a contract, a payment, a date), or the rules differ: compare rule sets with',
    `  jss infer ${view.file} --rules upwork-2024,upwork-2020,pessimistic`,
  );
  return lines;
}

/** What the scores reveal about each hidden contract, and how many reveal nothing. */
function hiddenLines(r: InferReport, style: Style, width: number): string[] {
  const lines: string[] = [];
  const learned = r.hidden.filter((h) => h.ruledOut.length > 0 || h.unresolved.length > 0);
  if (learned.length > 0) {
    lines.push('', style.bold('What the scores reveal, per hidden contract'));
    const rows = [
      ['contract', 'ended', 'possible', 'ruled out', ...(r.complete ? [] : ['unresolved'])].map(style.dim),
      ...learned.map((h) => [
        h.contract,
        h.end,
        verdictList(h.possible),
        verdictList(h.ruledOut),
        ...(r.complete ? [] : [verdictList(h.unresolved)]),
      ]),
    ];
    lines.push(formatTable(rows, [], '  ', { width, wrapLast: true }));
  }
  const others = r.hidden.length - learned.length;
  if (r.hidden.length === 0) lines.push('', 'No ended contract has a hidden fact: nothing to infer.');
  else if (r.fits === false)
    lines.push(
      '',
      `${plural(r.hidden.length, 'hidden contract')}: nothing can be learned while the scores do not fit.`,
    );
  else if (others > 0)
    lines.push(
      `${learned.length > 0 ? '' : '\n'}${plural(others, `${learned.length > 0 ? 'other ' : ''}hidden contract`)}: nothing learned (every value ${others === 1 ? 'it' : 'they'} can have fits).`,
    );
  return lines;
}

/** The fewest hidden facts that must differ from the file's reading for the scores to fit. */
function explanationLines(r: InferReport, style: Style): string[] {
  const lines: string[] = [];
  if (r.explanations !== null) {
    const e = r.explanations;
    lines.push('', style.bold('Simplest explanations'));
    if (e.changes === 0)
      lines.push("  The file's own reading fits: no hidden fact needs to differ from what is written.");
    else {
      lines.push(
        `  ${plural(e.changes, 'contract')} must differ from the file's reading; every way to do it with ${e.changes === 1 ? 'one' : 'that few'}:`,
      );
      for (const set of e.readings)
        lines.push(`  - ${set.map((c) => `${c.contract} ${c.outcome}`).join(', ')}`);
      if (e.more > 0) lines.push(`  … and ${e.more} more`);
    }
  }
  return lines;
}

/** Each observed score beside the model's and the range any reading gives. */
function observedLines(r: InferReport, style: Style): string[] {
  const lines: string[] = [];
  lines.push('', style.bold('Observed scores'));
  lines.push(
    formatTable(
      [
        ['date', 'seen', 'model', 'any reading'].map(style.dim),
        ...r.observations.map((o) => [
          o.date,
          percent(o.jss),
          percent(o.model),
          o.range === null ? 'unsettled' : range(o.range),
        ]),
      ],
      ['left', 'right', 'right', 'right'],
      '  ',
    ),
  );
  return lines;
}

/** What entered or left a window between two observations. */
function betweenLines(r: InferReport, style: Style): string[] {
  const lines: string[] = [];
  if (r.between.length > 0) {
    lines.push('', style.bold('Between observations (the file’s reading)'));
    for (const b of r.between) {
      const from = r.observations.find((o) => o.date === b.from);
      const to = r.observations.find((o) => o.date === b.to);
      lines.push(`  ${b.from} → ${b.to} (seen ${percent(from?.jss ?? null)} → ${percent(to?.jss ?? null)}):`);
      if (b.events.length === 0) lines.push('    nothing entered or left a window');
      for (const line of eventLines(b.events)) lines.push(`    ${line}`);
    }
  }
  return lines;
}

/** Verdicts grouped by outcome: "success (private-promoter, public-high), negative (blamed)". */
function verdictList(vs: Verdict[]): string {
  if (vs.length === 0) return '—';
  const byOutcome = new Map<string, string[]>();
  for (const v of vs) byOutcome.set(v.outcome, [...(byOutcome.get(v.outcome) ?? []), v.rule]);
  return [...byOutcome].map(([outcome, rules]) => `${outcome} (${rules.join(', ')})`).join(', ');
}

/** One line per day, contract and kind of event: "2026-11-02  BLOOM-2 enters 24m, 12m, 6m". */
function eventLines(events: InferReport['between'][number]['events']): string[] {
  const lines: string[] = [];
  let last: { date: string; contract: string; what: string; windows: string[] } | undefined;
  const flush = () => {
    if (!last) return;
    lines.push(
      `${last.date}  ${last.contract} ${last.what}${last.windows.length > 0 ? ` ${last.windows.join(', ')}` : ''}`,
    );
  };
  for (const e of events) {
    if (
      last &&
      last.date === e.date &&
      last.contract === e.contract &&
      last.what === e.what &&
      e.window !== null
    ) {
      last.windows.push(e.window);
      continue;
    }
    flush();
    last = { date: e.date, contract: e.contract, what: e.what, windows: e.window === null ? [] : [e.window] };
  }
  flush();
  return lines;
}

/** Several rule sets: each report in turn, after a line saying which fit. */
export function renderInferComparison(views: InferView[], style: Style, width = DEFAULT_WIDTH): string {
  const name = (v: InferView) => v.ruleSet.name;
  const fit = views.filter((v) => v.report.fits === true).map(name);
  const misfit = views.filter((v) => v.report.fits === false).map(name);
  const unsettled = views.filter((v) => v.report.fits === null).map(name);
  const head = [
    fit.length === 0
      ? 'Your observed scores fit none of these rule sets'
      : `Your observed scores fit ${andList(fit)}`,
    ...(fit.length > 0 && misfit.length > 0 ? [`not ${orList(misfit)}`] : []),
    ...(unsettled.length > 0 ? [`unsettled for ${andList(unsettled)}`] : []),
  ].join('; ');
  return [
    `${wrapText(style.bold(`${head}.`), width)}\n`,
    ...views.map((v) => `${style.bold(`── ${name(v)} ──`)}\n${renderInfer(v, style, width)}`),
  ].join('\n');
}

function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
