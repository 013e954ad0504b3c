import { Document, isMap, isScalar, isSeq, type YAMLMap, YAMLSeq } from 'yaml';
import { formatCents } from '../core/format-number.js';
import type { ImportedContract } from './group-contracts.js';
import { ENDED_AFTER_DAYS } from './guess-status.js';
import { dollarsFromCents } from './parse-values.js';

/** The words that mark a status as the importer's guess; `--merge` guesses again while they are there. */
export const GUESS_MARK = 'guessed by jss import';

/** Options for writing YAML: never fold long lines (a note must stay as the user wrote it). */
export const YAML_OUTPUT = { lineWidth: 0 } as const;

const HEADER = [
  ' Contract history built by `jss import` from Upwork CSV exports.',
  ' Fill in, for each contract, what the export cannot tell:',
  '   - feedback: { public: 1..5 stars, private: 0..10 }, or `feedback: none` when it ended without any;',
  '   - for ended contracts, who ended it and why:',
  '       endedBy: client | freelancer | upwork',
  '       endReason: completed | no-longer-needed | hired-different | unresponsive | misrepresented-skills |',
  '                  unprofessional | quality | client-unresponsive | completed-unsuccessfully | dormant | other',
  `   - a status marked "${GUESS_MARK}": check it (and its end), then delete the comment;`,
  '     until you do, `jss import --merge` guesses it again from newer payments.',
  ' The file has no asOf, so its date is the day you run jss (add newer contracts as they come);',
  " the export's latest date is noted below. Check the file with `jss validate`.",
].join('\n');

/** The comment beside a guessed status. */
export function statusGuessComment(status: 'active' | 'ended', latest: string): string {
  return status === 'ended'
    ? ` ${GUESS_MARK}: no payment in the ${ENDED_AFTER_DAYS} days before ${latest}; check it, then delete this comment`
    : ` ${GUESS_MARK}: paid in the ${ENDED_AFTER_DAYS} days before ${latest}; if it has ended, set ended and its end, then delete this comment`;
}

export const END_GUESS_COMMENT = ' guessed: the last payment; correct it to the day the contract ended';

/** A new contract as plain data, its keys in the order of DESIGN §1. */
export function contractData(c: ImportedContract): Record<string, unknown> {
  const data: Record<string, unknown> = { id: c.id, client: c.client };
  if (c.title !== undefined) data.title = c.title;
  Object.assign(data, { type: c.type, status: c.status, start: c.start });
  if (c.end !== undefined) data.end = c.end;
  return Object.assign(data, {
    earnings: dollarsFromCents(c.earningsCents),
    refunded: dollarsFromCents(c.refundedCents),
    payments: c.payments.map((p) => ({ date: p.date, amount: dollarsFromCents(p.cents) })),
  });
}

/** A new contract as a YAML map, with comments that say what to check and fill in. */
export function contractNode(doc: Document, c: ImportedContract, latest: string): YAMLMap {
  const node = doc.createNode(contractData(c));
  const payments = node.get('payments', true);
  if (isSeq(payments)) for (const item of payments.items) if (isMap(item)) item.flow = true;

  const about: string[] = [];
  if (c.rateCents !== undefined) about.push(` hourly at ${formatCents(c.rateCents)}/hr`);
  if (c.bonusOnly)
    about.push(' the export holds only bonus payments for this client: check which contract they belong to');
  about.push(
    c.status === 'ended'
      ? ' to fill in: feedback, endedBy and endReason (see the top of this file)'
      : ' to fill in: feedback, and once it has ended, end, endedBy and endReason',
  );
  // Before the item, not after it: the yaml library folds a trailing comment into the next item's.
  node.commentBefore = about.join('\n');

  const comment = (key: string, text: string) => {
    const value = node.get(key, true);
    if (isScalar(value)) value.comment = text;
  };
  if (c.clientUnknown)
    comment(
      'client',
      " the export names no client: write the client's name (the same on all their contracts)",
    );
  comment('status', statusGuessComment(c.status, latest));
  if (c.end !== undefined) comment('end', END_GUESS_COMMENT);
  if (c.refundsFoundCents !== undefined) {
    comment(
      'refunded',
      ` the export shows ${formatCents(c.refundsFoundCents)} refunded, more than the earnings; check it`,
    );
  }
  return node;
}

/** A new history file from imported contracts: YAML that `jss validate` accepts, with guidance in comments. */
export function historyYaml(contracts: readonly ImportedContract[], latest: string | undefined): string {
  const doc = new Document();
  const version = doc.createNode(1);
  // The export's latest date as a comment, not asOf: the history's date stays today's (DESIGN §7).
  if (latest !== undefined)
    version.comment = ` the export's latest date: ${latest} (statuses below are guessed against it)`;
  const list = new YAMLSeq<YAMLMap>(doc.schema);
  contracts.forEach((c, i) => {
    const node = contractNode(doc, c, latest ?? c.start);
    if (i > 0) node.spaceBefore = true;
    list.items.push(node);
  });
  doc.contents = doc.createNode({ version, contracts: list });
  doc.commentBefore = HEADER;
  return doc.toString(YAML_OUTPUT);
}
