/**
 * Plain aligned columns (no borders), so output stays readable in a terminal and easy to cut
 * with awk. Cells are already styled strings; width is measured without ANSI escapes.
 */
export type Align = 'left' | 'right';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

export function formatTable(rows: string[][], align: Align[] = [], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  }
  return rows
    .map((row) =>
      (
        indent +
        row
          .map((cell, i) => {
            const pad = ' '.repeat(widths[i] - visibleLength(cell));
            if (i === row.length - 1 && align[i] !== 'right') return cell;
            return align[i] === 'right' ? pad + cell : cell + pad;
          })
          .join('  ')
      ).trimEnd(),
    )
    .join('\n');
}

/** `+3`, `−4`, `0`; null as an em dash. */
export function signed(n: number | null): string {
  if (n === null) return '—';
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '0';
}

export function percent(jss: number | null): string {
  return jss === null ? 'not shown' : `${jss}%`;
}

/** A number with at most `places` decimals, trailing zeros dropped. */
export function num(n: number | null, places = 2): string {
  if (n === null) return '—';
  return String(Number(n.toFixed(places)));
}
