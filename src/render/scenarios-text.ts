import type { Consensus } from '../core/consensus.js';
import type { PendingContract, ScenarioOutcomeReport } from '../core/scenarios.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, percent, signed, wrapText } from './table.js';

/**
 * Per open contract: a table of scenario × outcome with the JSS and its change now and at the
 * horizon, then the recommendation and why. The recommended scenario is marked with `*`.
 */
export function renderPending(
  pending: readonly PendingContract[],
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  return pending.map((p) => renderOne(p, style, width)).join('\n\n');
}

function renderOne(p: PendingContract, style: Style, width: number): string {
  if (p.scenarios.length === 0)
    return `${style.bold(p.id)}\n${wrapText(`  ${p.recommendation.why}`, width, '  ')}`;
  const horizon = p.scenarios[0]?.outcomes[0]?.horizon.date ?? '';
  const rows: string[][] = [['', 'scenario', 'outcome', 'now', 'Δ', `by ${horizon}`, 'Δ'].map(style.dim)];
  for (const s of p.scenarios) {
    const recommended = s.name === p.recommendation.scenario;
    // Outcomes that all give the same figures are one row (DESIGN §4); --json keeps each.
    const outcomes = sameFigures(s.outcomes) ? [{ ...s.outcomes[0], name: 'all outcomes' }] : s.outcomes;
    outcomes.forEach((o, i) => {
      rows.push([
        recommended && i === 0 ? style.good('*') : '',
        i === 0 ? (recommended ? style.bold(s.name) : s.name) : '',
        o.name,
        jss(o.now.jss),
        delta(o.now.delta, style),
        jss(o.horizon.jss),
        delta(o.horizon.delta, style),
      ]);
    });
  }
  const table = formatTable(rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right'], '  ', {
    width,
    // today's figures give way before the horizon's, which the recommendation compares
    drop: [4, 3],
    shrink: [
      { column: 2, min: 8 },
      { column: 1, min: 10 },
    ],
  });
  const why = wrapText(
    `  ${style.good('*')} Recommended: ${style.bold(p.recommendation.scenario)}. ${p.recommendation.why}`,
    width,
    '    ',
  );
  return `${style.bold(p.id)}\n${table}\n${why}`;
}

/** Two or more outcomes whose figures, now and at the horizon, are all the same. */
function sameFigures(outcomes: readonly ScenarioOutcomeReport[]): boolean {
  if (outcomes.length < 2) return false;
  const [first, ...rest] = outcomes;
  return rest.every(
    (o) =>
      o.now.jss === first.now.jss &&
      o.now.delta === first.now.delta &&
      o.horizon.jss === first.horizon.jss &&
      o.horizon.delta === first.horizon.delta,
  );
}

function jss(value: number | null): string {
  return value === null ? 'not shown' : percent(value);
}

function delta(value: number | null, style: Style): string {
  const text = signed(value);
  if (value === null || value === 0) return style.dim(text);
  return value > 0 ? style.good(text) : style.bad(text);
}

/**
 * With several rule sets: per open contract, whether the first rule set's recommendation is robust
 * (every rule set makes it) or which rule sets recommend what instead.
 */
export function renderConsensus(
  items: readonly Consensus[],
  reports: readonly { rules: { name: string }; pending: PendingContract[] }[],
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  const lines = items.map((c) => {
    const head = `${style.bold(c.id)}: ${c.scenario} (${reports[0]?.rules.name})`;
    if (c.robust)
      return wrapText(`  ${head} ${style.good('robust')}: every rule set recommends it`, width, '    ');
    const others = c.disagree.map((name) => {
      const scenario = reports.find((r) => r.rules.name === name)?.pending.find((p) => p.id === c.id)
        ?.recommendation.scenario;
      return `${name} recommends ${scenario || 'nothing'}`;
    });
    return wrapText(`  ${head} ${style.warn('not robust')}: ${others.join('; ')}`, width, '    ');
  });
  return lines.join('\n');
}
