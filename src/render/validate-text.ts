import type { HistorySummary } from '../core/history-summary.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, wrapText } from './table.js';

/** `contracts.yaml: valid — 24 contracts, 11 clients, 2 open (as of 2026-11-26)` */
export function renderValidateText(
  file: string,
  summary: HistorySummary,
  asOf: string,
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  const counts = [
    plural(summary.contracts, 'contract'),
    plural(summary.clients, 'client'),
    `${summary.open} open`,
  ].join(', ');
  return `${wrapText(`${file}: ${style.good('valid')} — ${counts} (as of ${asOf})`, width, '  ')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
