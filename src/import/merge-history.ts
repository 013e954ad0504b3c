import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
  YAMLSeq,
} from 'yaml';
import { CONTRACT_KEYS, type Payment } from '../core/types.js';
import { UserError } from '../errors.js';
import { validateHistory } from '../io/load-history.js';
import { parseSource } from '../io/parse-document.js';
import type { Source } from '../io/read-input.js';
import type { ImportedContract } from './group-contracts.js';
import { type ExistingContract, type FieldEdit, type MergePlan, planMerge } from './merge-plan.js';
import { contractData, contractNode, YAML_OUTPUT } from './write-history.js';

export interface MergeInput {
  contracts: readonly ImportedContract[];
  earliest?: string;
  latest?: string;
}

export interface Merged {
  text: string;
  plan: MergePlan;
}

/** Where a key goes when the merge adds it: after the last of these that the contract has. */
const KEY_ORDER: readonly string[] = CONTRACT_KEYS;

/**
 * Refreshes a history with imported contracts (see merge-plan.ts), editing the file's own YAML
 * document so every key, value and comment the user wrote stays (a JSON history stays JSON).
 * The history must be valid before, and the result is checked again before it is returned.
 */
export async function mergeHistory(source: Source, imported: MergeInput, today: string): Promise<Merged> {
  const parsed = parseSource(source);
  // The keys as written, taken before validation (which may fill in defaults).
  const keys = writtenKeys(parsed.data);
  const { history } = await validateHistory(parsed, { today });
  const json = /^\s*[[{]/.test(source.text);
  const yamlDoc = json ? undefined : parseDocument(source.text);
  const existing: ExistingContract[] = history.contracts.map((contract, i) => ({
    contract,
    keys: keys[i],
    statusComment: yamlDoc === undefined ? '' : statusComment(yamlDoc, i),
  }));
  const range =
    imported.earliest !== undefined && imported.latest !== undefined
      ? { earliest: imported.earliest, latest: imported.latest }
      : undefined;
  if (range === undefined)
    return { text: source.text, plan: { updated: [], added: [], untouched: existing.length, warnings: [] } };
  const plan = planMerge(existing, imported.contracts, range, history.asOf);

  let text: string;
  if (yamlDoc) {
    applyToYaml(yamlDoc, plan, range.latest);
    text = yamlDoc.toString(YAML_OUTPUT);
    if (source.text.includes('\r\n')) text = text.replace(/\r?\n/g, '\r\n');
  } else {
    text = applyToJson(JSON.parse(source.text), plan);
  }

  try {
    await validateHistory(parseSource({ name: `${source.name} (merged)`, text }), { today });
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError([
        ...error.problems,
        {
          code: 'merge-invalid',
          message: `the merged history would not be valid, so ${source.name} was left as it was`,
          hint: 'correct the history (or the export) and merge again',
        },
      ]);
    }
    throw error;
  }
  return { text, plan };
}

function statusComment(doc: Document, index: number): string {
  const node = doc.getIn(['contracts', index, 'status'], true);
  return isScalar(node) ? (node.comment ?? '') : '';
}

/** The keys each contract has as written, taken before validation (which may fill in defaults). */
function writtenKeys(data: unknown): ReadonlySet<string>[] {
  const written = isRecord(data) ? data.contracts : undefined;
  return Array.isArray(written) ? written.map((c) => new Set(Object.keys(c ?? {}))) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The history's own YAML, edited in place; a valid history is a map with a list of contract maps. */
function applyToYaml(doc: Document, plan: MergePlan, latest: string): void {
  const root = doc.contents;
  const list = doc.get('contracts', true);
  if (!isMap(root) || !isSeq(list)) throw new Error('a valid history is a map with a contracts list');
  if (plan.asOf !== undefined) setValue(doc, root, 'asOf', plan.asOf);
  for (const { index, edits } of plan.updated) {
    const map = list.items[index];
    if (!isMap(map)) throw new Error(`a valid history's contracts[${index}] is a map`);
    for (const edit of edits) {
      if (edit.op === 'remove') map.delete(edit.key);
      else if (edit.op === 'set-payments') setPayments(doc, map, edit.payments);
      else setValue(doc, map, edit.key, edit.value, edit.comment);
    }
  }
  if (plan.added.length > 0) list.flow = false;
  for (const c of plan.added) {
    const node = contractNode(doc, c, latest);
    if (list.items.length > 0) node.spaceBefore = true;
    list.items.push(node);
  }
}

/** Sets a scalar in place, so the comments around it stay; a new key goes where DESIGN §1 puts it. */
function setValue(doc: Document, map: YAMLMap, key: string, value: string | number, comment?: string): void {
  const current = map.get(key, true);
  let node: Scalar;
  if (isScalar(current)) {
    node = current;
    node.value = value;
  } else {
    node = doc.createNode(value);
    if (current !== undefined) map.set(key, node);
    else insertPair(map, key, new Pair(doc.createNode(key), node));
  }
  if (comment !== undefined) node.comment = comment;
}

/** Replaces the payments list, reusing the user's item for every payment that is still there. */
function setPayments(doc: Document, map: YAMLMap, payments: Payment[]): void {
  const current = map.get('payments', true);
  const old = isSeq(current) ? [...current.items] : [];
  const flow = old.length === 0 || (isMap(old[0]) && old[0].flow === true);
  const items = payments.map((p) => {
    const i = old.findIndex((item) => isMap(item) && samePayment(item.toJSON(), p));
    if (i !== -1) return old.splice(i, 1)[0];
    const node = doc.createNode(p);
    node.flow = flow;
    return node;
  });
  if (isSeq(current)) current.items = items;
  else {
    const seq = new YAMLSeq<unknown>(doc.schema);
    seq.items = items;
    if (current !== undefined) map.set('payments', seq);
    else insertPair(map, 'payments', new Pair(doc.createNode('payments'), seq));
  }
}

function samePayment(item: unknown, p: Payment): boolean {
  return (
    isRecord(item) &&
    item.date === p.date &&
    typeof item.amount === 'number' &&
    Math.round(item.amount * 100) === Math.round(p.amount * 100)
  );
}

/** Adds `key` (the pair's key) after the last key DESIGN §1 puts before it, else at the end. */
function insertPair(map: YAMLMap, key: string, pair: Pair<Node, unknown>): void {
  const rank = KEY_ORDER.indexOf(key);
  let at = map.items.length;
  if (rank !== -1) {
    const before = map.items.findLastIndex((p) => {
      const r = KEY_ORDER.indexOf(String(isScalar(p.key) ? p.key.value : p.key));
      return r !== -1 && r < rank;
    });
    if (before !== -1) at = before + 1;
  }
  map.items.splice(at, 0, pair);
}

/** The history's JSON, edited; a valid history is an object with a list of contract objects. */
function applyToJson(data: unknown, plan: MergePlan): string {
  const list = isRecord(data) ? data.contracts : undefined;
  if (!isRecord(data) || !Array.isArray(list))
    throw new Error('a valid history is an object with a contracts list');
  if (plan.asOf !== undefined) data.asOf = plan.asOf;
  for (const { index, edits } of plan.updated) {
    const contract: unknown = list[index];
    if (!isRecord(contract)) throw new Error(`a valid history's contracts[${index}] is an object`);
    list[index] = applyToObject(contract, edits);
  }
  list.push(...plan.added.map(contractData));
  return `${JSON.stringify(data, null, 2)}\n`;
}

function applyToObject(
  contract: Record<string, unknown>,
  edits: readonly FieldEdit[],
): Record<string, unknown> {
  let out = { ...contract };
  for (const edit of edits) {
    if (edit.op === 'remove') {
      delete out[edit.key];
      continue;
    }
    const [key, value] = edit.op === 'set-payments' ? ['payments', edit.payments] : [edit.key, edit.value];
    if (key in out) {
      out[key] = value;
    } else {
      const entries = Object.entries(out);
      const rank = KEY_ORDER.indexOf(key);
      const before = entries.findLastIndex(
        ([k]) => KEY_ORDER.indexOf(k) !== -1 && KEY_ORDER.indexOf(k) < rank,
      );
      entries.splice(rank === -1 || before === -1 ? entries.length : before + 1, 0, [key, value]);
      out = Object.fromEntries(entries);
    }
  }
  return out;
}
