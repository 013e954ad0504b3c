/** A warning as the core reports it; `open` marks a guess about an open contract. */
export interface WarningItem {
  code: string;
  contract?: string;
  message: string;
  open?: boolean;
}

const GUESS_SUMMARY: Record<string, string> = {
  'guessed-first-payment': 'have no first payment date: each is taken as first paid on its start',
  'guessed-last-payment': 'have no last payment date: each is taken as last paid on its end',
};

/**
 * Warnings for human output (DESIGN §5: "human output summarises guessed dates"): one line per
 * kind of guess about ended contracts (they change little), then one plain line per open contract
 * whose payment dates are guessed (its guessed last payment keeps it from turning idle), its last
 * payment's guess first. Other warnings are kept as they are. With several rule sets the same
 * guess is said once.
 */
export function warningLines(warnings: readonly WarningItem[]): string[] {
  const ended = new Map<string, Set<string>>();
  const endedMessage = new Map<string, string>();
  const open = new Map<string, WarningItem>();
  const other: string[] = [];
  for (const w of warnings) {
    const guess = w.code in GUESS_SUMMARY && w.contract !== undefined;
    if (guess && w.open) {
      const known = open.get(w.contract as string);
      if (!known || (known.code !== 'guessed-last-payment' && w.code === 'guessed-last-payment'))
        open.set(w.contract as string, w);
    } else if (guess) {
      const ids = ended.get(w.code) ?? new Set<string>();
      ids.add(w.contract as string);
      ended.set(w.code, ids);
      endedMessage.set(w.code, w.message);
    } else if (!other.includes(w.message)) other.push(w.message);
  }
  const lines = [...other];
  for (const code of Object.keys(GUESS_SUMMARY)) {
    const ids = ended.get(code);
    if (!ids) continue;
    lines.push(
      ids.size === 1
        ? (endedMessage.get(code) as string)
        : `${ids.size} ended contracts ${GUESS_SUMMARY[code]} (--json lists them)`,
    );
  }
  for (const w of open.values()) lines.push(w.message);
  return lines;
}
