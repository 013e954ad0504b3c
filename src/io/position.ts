/** A place in a text, as messages show it: 1-based line and column (in UTF-16 code units). */
export interface Position {
  line: number;
  col: number;
}

export function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** Line and column of many offsets in one pass over the text. */
export function positionsOfOffsets(
  text: string,
  offsets: readonly (number | undefined)[],
): (Position | undefined)[] {
  const order = offsets
    .map((offset, i) => ({ offset, i }))
    .filter((o): o is { offset: number; i: number } => o.offset !== undefined)
    .sort((a, b) => a.offset - b.offset);
  const out: (Position | undefined)[] = offsets.map(() => undefined);
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const { offset, i } of order) {
    while (next !== -1 && next < offset) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    out[i] = { line, col: offset - lineStart + 1 };
  }
  return out;
}
