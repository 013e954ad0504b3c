/**
 * Plain aligned columns (no borders), so output stays readable in a terminal and easy to cut
 * with awk. Cells are already styled strings; width is measured without ANSI escapes.
 */
export type Align = 'left' | 'right';

/** The width human output fits when none is given (the command's is its terminal's, or COLUMNS). */
export const DEFAULT_WIDTH = 100;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what we strip
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  // Code points, as [...plain].length counts them: a surrogate pair is one character.
  let length = plain.length;
  for (let i = 0; i < plain.length - 1; i++) {
    const unit = plain.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = plain.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** How a table gives way when it is wider than the output (DESIGN: output fits the terminal). */
export interface Fit {
  /** The widest a line may be. */
  width: number;
  /** Column indices, least important first: dropped in this order while the table is too wide. */
  drop?: number[];
  /** Column indices that may be cut short with `…`, each to no fewer than `min` characters. */
  shrink?: { column: number; min: number }[];
  /** The last column's text wraps (continuation lines start under it). */
  wrapLast?: boolean;
}

export function formatTable(rows: string[][], align: Align[] = [], indent = '', fit?: Fit): string {
  if (fit) return fitTable(rows, align, indent, fit);
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

const GAP = 2;

function tableWidth(widths: readonly number[], indent: string): number {
  return indent.length + widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);
}

function columnWidths(rows: readonly string[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  }
  return widths;
}

/** The table made to fit `fit.width`: columns dropped, then cut short, then the last one wrapped. */
function fitTable(rows: string[][], align: Align[], indent: string, fit: Fit): string {
  let keep = (rows[0] ?? []).map((_, i) => i);
  const pick = (list: string[]) => keep.map((i) => list[i] ?? '');
  for (const column of fit.drop ?? []) {
    if (tableWidth(columnWidths(rows.map(pick)), indent) <= fit.width) break;
    keep = keep.filter((i) => i !== column);
  }
  let cells = rows.map(pick);
  const kept = keep.map((i) => align[i] ?? 'left');
  let widths = columnWidths(cells);
  // The widest column that may shrink gives a character first, so cut columns end up alike.
  const shrinkable = (fit.shrink ?? [])
    .map(({ column, min }) => ({ k: keep.indexOf(column), min }))
    .filter(({ k }) => k >= 0 && !(fit.wrapLast && k === keep.length - 1));
  const target = [...widths];
  let over = tableWidth(target, indent) - fit.width;
  while (over > 0) {
    const widest = shrinkable
      .filter(({ k, min }) => target[k] > min)
      .sort((a, b) => target[b.k] - target[a.k])[0];
    if (!widest) break;
    target[widest.k]--;
    over--;
  }
  if (target.some((w, k) => w < widths[k])) {
    cells = cells.map((row) => row.map((cell, k) => (target[k] < widths[k] ? cut(cell, target[k]) : cell)));
    widths = columnWidths(cells);
  }
  const last = keep.length - 1;
  if (fit.wrapLast && last > 0 && kept[last] === 'left') {
    const room = fit.width - tableWidth(widths.slice(0, last), indent) - GAP;
    if (room >= 12 && widths[last] > room) {
      const lead = ' '.repeat(fit.width - room);
      const out: string[] = [];
      for (const row of cells) {
        const [first, ...more] = wrapText(row[last] ?? '', room).split('\n');
        out.push(formatRow([...row.slice(0, last), first], widths, kept, indent));
        for (const line of more) out.push(lead + line);
      }
      return out.join('\n');
    }
  }
  return cells.map((row) => formatRow(row, widths, kept, indent)).join('\n');
}

function formatRow(
  row: readonly string[],
  widths: readonly number[],
  align: readonly Align[],
  indent: string,
): string {
  return (
    indent +
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - visibleLength(cell)));
        if (i === row.length - 1 && align[i] !== 'right') return cell;
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join(' '.repeat(GAP))
  ).trimEnd();
}

/** A cell cut to `width` visible characters, ending in `…` (its colour is dropped when cut). */
export function cut(cell: string, width: number): string {
  if (visibleLength(cell) <= width) return cell;
  const chars = [...cell.replace(ANSI, '')];
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * Words joined into lines of at most `width` visible characters; continuation lines start with
 * `indent`. A word longer than a line stays whole on a line of its own.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lead = /^ */.exec(paragraph)?.[0] ?? '';
      const lines: string[] = [];
      let line = lead;
      let start = lead;
      let length = lead.length; // visibleLength(line), kept as words are added
      for (const word of paragraph.slice(lead.length).split(' ')) {
        const wordLength = visibleLength(word);
        if (line === start) {
          line += word;
          length += wordLength;
        } else if (length + 1 + wordLength > width) {
          lines.push(line);
          start = indent;
          line = indent + word;
          length = visibleLength(indent) + wordLength;
        } else {
          line = `${line} ${word}`;
          length += 1 + wordLength;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/** Each line of `text` wrapped to `width`; a line's continuation is indented 2 more than it is. */
export function wrapLines(text: string, width: number): string {
  const end = text.endsWith('\n') ? '\n' : '';
  const lines = (end ? text.slice(0, -1) : text).split('\n');
  return lines.map((line) => wrapText(line, width, `${/^ */.exec(line)?.[0] ?? ''}  `)).join('\n') + end;
}
