/**
 * Building blocks of the HTML report. Every string that comes from a history or a rule file is
 * untrusted: it goes through `text` (or `attr`), which escapes markup and makes control
 * characters visible, so a client called `<script>` is printed, never run.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we replace
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A C0 control becomes its Unicode "control picture" (U+2400 + code), DEL ␡; others, and lone surrogates, U+FFFD. */
function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need the slow path
const SPECIAL = /[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/;

/** Text content: markup escaped, control characters made visible. */
export function text(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(CONTROL, visible).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** An attribute value (always written in double quotes). */
export const attr = text;

/** A number with at most `digits` decimals, trailing zeros dropped (`12.5`, `3`), and a true minus sign. */
export function num(value: number, digits = 1): string {
  const fixed = value.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  const clean = trimmed === '-0' ? '0' : trimmed;
  return clean.startsWith('-') ? `\u2212${clean.slice(1)}` : clean;
}

/** A coordinate for SVG: at most 1 decimal, plain ASCII minus. */
export function coord(value: number): string {
  const r = Math.round(value * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** `92%`, or `not shown`. */
export function pct(jss: number | null): string {
  return jss === null ? 'not shown' : `${jss}%`;
}

/** A signed whole delta: `+1`, `−4`, `±0`; `–` when unknown. */
export function signed(delta: number | null): string {
  if (delta === null) return '\u2013';
  if (delta > 0) return `+${delta}`;
  if (delta === 0) return '\u00b10';
  return num(delta, 0);
}

/** A score with its 9 decimals kept where they matter to a reader: one decimal (`91.3`). */
export function score(value: number | null): string {
  return value === null ? '\u2013' : num(value, 1);
}
