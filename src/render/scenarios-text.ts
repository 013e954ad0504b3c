import type { Consensus } from '../core/consensus.js';
import type { PendingContract } from '../core/scenarios.js';
import type { Style } from './style.js';
import { formatTable, percent, signed, visibleLength } from './table.js';

/**
 * Per open contract: a table of scenario × outcome with the JSS and its change now and at the
 * horizon, then the recommendation and why. The recommended scenario is marked with `*`.
 */
export function renderPending(pending: readonly PendingContract[], style: Style): string {
  return pending.map((p) => renderOne(p, style)).join('\n\n');
}

function renderOne(p: PendingContract, style: Style): string {
  if (p.scenarios.length === 0) return `${style.bold(p.id)}\n  ${p.recommendation.why}`;
  const horizon = p.scenarios[0]?.outcomes[0]?.horizon.date ?? '';
  const rows: string[][] = [['', 'scenario', 'outcome', 'now', 'Δ', `by ${horizon}`, 'Δ'].map(style.dim)];
  for (const s of p.scenarios) {
    const recommended = s.name === p.recommendation.scenario;
    s.outcomes.forEach((o, i) => {
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
  const table = formatTable(rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right'], '  ');
  const why = wrap(
    `${style.good('*')} Recommended: ${style.bold(p.recommendation.scenario)}. ${p.recommendation.why}`,
    100,
    '    ',
  );
  return `${style.bold(p.id)}\n${table}\n  ${why}`;
}

function jss(value: number | null): string {
  return value === null ? 'not shown' : percent(value);
}

function delta(value: number | null, style: Style): string {
  const text = signed(value);
  if (value === null || value === 0) return style.dim(text);
  return value > 0 ? style.good(text) : style.bad(text);
}

/** Word-wraps at `width` visible characters; continuation lines get `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * With several rule sets: per open contract, whether the first rule set's recommendation is robust
 * (every rule set makes it) or which rule sets recommend what instead.
 */
export function renderConsensus(
  items: readonly Consensus[],
  reports: readonly { rules: { name: string }; pending: PendingContract[] }[],
  style: Style,
): string {
  const lines = items.map((c) => {
    const head = `${style.bold(c.id)}: ${c.scenario} (${reports[0]?.rules.name})`;
    if (c.robust) return `  ${head} ${style.good('robust')}: every rule set recommends it`;
    const others = c.disagree.map((name) => {
      const scenario = reports.find((r) => r.rules.name === name)?.pending.find((p) => p.id === c.id)
        ?.recommendation.scenario;
      return `${name} recommends ${scenario || 'nothing'}`;
    });
    return `  ${head} ${style.warn('not robust')}: ${others.join('; ')}`;
  });
  return lines.join('\n');
}
