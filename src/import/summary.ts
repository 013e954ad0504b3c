import type { Imported } from './import-files.js';
import type { MergePlan } from './merge-plan.js';
import { SKIPPED_KINDS, type SkippedKind, USED_KINDS, type UsedKind } from './rows.js';

const USED_NAMES: Record<UsedKind, string> = {
  hourly: 'hourly',
  fixed: 'fixed-price',
  bonus: 'bonus',
  refund: 'refund',
};
const SKIPPED_NAMES: Record<SkippedKind, string> = {
  fee: 'fee',
  tax: 'tax',
  withdrawal: 'withdrawal',
  connects: 'Connects',
  membership: 'membership',
  pending: 'pending',
  zero: 'zero-amount',
  other: 'of an unknown type',
};

function counts<K extends string>(
  kinds: readonly K[],
  count: (k: K) => number,
  names: Record<K, string>,
): string {
  return kinds
    .filter((k) => count(k) > 0)
    .map((k) => `${count(k)} ${names[k]}`)
    .join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the import read and found, for stderr. */
export function importSummary(
  imported: Imported,
  merge?: { plan: MergePlan; file: string; backup?: string },
): string {
  const read = imported.files.reduce((n, f) => n + f.read, 0);
  const [only] = imported.files;
  const lines =
    imported.files.length === 1
      ? [`jss import: read ${plural(read, 'row')} from ${only.file} (${only.layout.name})`]
      : [
          `jss import: read ${plural(read, 'row')} from ${plural(imported.files.length, 'file')}`,
          ...imported.files.map((f) => `  ${f.file} (${f.layout.name}): ${plural(f.read, 'row')}`),
        ];
  const used = imported.rows.length;
  const usedBy = counts(USED_KINDS, (k) => imported.rows.filter((r) => r.kind === k).length, USED_NAMES);
  lines.push(`  used ${used}${usedBy ? `: ${usedBy}` : ''}`);
  const skippedOf = (k: SkippedKind) => imported.files.reduce((n, f) => n + f.skipped[k], 0);
  const skipped = SKIPPED_KINDS.reduce((n, k) => n + skippedOf(k), 0) + imported.duplicates;
  let skippedBy = counts(SKIPPED_KINDS, skippedOf, SKIPPED_NAMES);
  if (imported.duplicates > 0)
    skippedBy += `${skippedBy ? ', ' : ''}${imported.duplicates} already in another file`;
  lines.push(`  skipped ${skipped}${skippedBy ? `: ${skippedBy}` : ''}`);
  const clients = new Set(imported.contracts.map((c) => c.client)).size;
  lines.push(`  found ${plural(imported.contracts.length, 'contract')} with ${plural(clients, 'client')}`);
  if (merge) {
    const { plan } = merge;
    const edited = plan.updated.filter((u) => u.edits.length > 0).length;
    let line = `  merged into ${merge.file}: ${edited} updated, ${plan.added.length} added, ${plan.updated.length - edited} unchanged, ${plan.untouched} not in the export (left as they were)`;
    if (merge.backup) line += `; the previous version is in ${merge.backup}`;
    lines.push(line);
    if (plan.asOf !== undefined) {
      lines.push(
        `  asOf moved from ${plan.asOfWas} to ${plan.asOf}, the export's latest date: it has payments after ${plan.asOfWas}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
