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
  // Per kind of guess about ended contracts: the contracts, and the last message (said when one).
  const ended = new Map<string, { ids: Set<string>; message: string }>();
  const open = new Map<string, WarningItem>();
  const other: string[] = [];
  for (const w of warnings) {
    const { contract } = w;
    if (!(w.code in GUESS_SUMMARY) || contract === undefined) {
      if (!other.includes(w.message)) other.push(w.message);
    } else if (w.open) {
      const known = open.get(contract);
      if (!known || (known.code !== 'guessed-last-payment' && w.code === 'guessed-last-payment'))
        open.set(contract, w);
    } else {
      const kind = ended.get(w.code) ?? { ids: new Set<string>(), message: w.message };
      kind.ids.add(contract);
      kind.message = w.message;
      ended.set(w.code, kind);
    }
  }
  const lines = [...other];
  for (const code of Object.keys(GUESS_SUMMARY)) {
    const kind = ended.get(code);
    if (!kind) continue;
    lines.push(
      kind.ids.size === 1
        ? kind.message
        : `${kind.ids.size} ended contracts ${GUESS_SUMMARY[code]} (--json lists them)`,
    );
  }
  for (const w of open.values()) lines.push(w.message);
  return lines;
}
