/**
 * Text for a terminal: a contract id, a client name or a key from a file may hold escape sequences,
 * carriage returns or bidirectional overrides that clear the screen, rewrite a line or reorder what
 * is shown. Every such character is shown escaped instead (`\x1b`, `\r`, `\u202e`); line ends and
 * tabs stay, and so do the colour sequences jss itself writes (SGR: ESC [ digits m) when asked to.
 * JSON output is never passed through this: it keeps the exact strings.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the bidi marks, embeddings, overrides
// and isolates (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069); with `keepColour`, an SGR
// sequence first, so that it can be kept whole.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_SGR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  if (ch === '\r') return '\\r';
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function terminalSafe(text: string, options: { keepColour?: boolean } = {}): string {
  if (options.keepColour) return text.replace(UNSAFE_KEEPING_SGR, (m) => (m.length > 1 ? m : escapeChar(m)));
  return text.replace(UNSAFE, escapeChar);
}
