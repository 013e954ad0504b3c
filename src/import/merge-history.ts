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
  type YAMLSeq,
} from 'yaml';
import { CONTRACT_KEYS, type Payment } from '../core/types.js';
import { UserError } from '../errors.js';
import { validateHistory } from '../io/load-history.js';
import { parseSource } from '../io/parse-document.js';
import type { Source } from '../io/read-input.js';
import type { ImportedContract } from './group-contracts.js';
import { type ExistingContract, type FieldChange, type MergePlan, planMerge } from './merge-plan.js';
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
  const written = (parsed.data as { contracts?: unknown }).contracts;
  const keys = Array.isArray(written) ? written.map((c) => new Set(Object.keys(c ?? {}))) : [];
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
    text = applyToJson(JSON.parse(source.text) as Record<string, unknown>, plan);
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

function applyToYaml(doc: Document, plan: MergePlan, latest: string): void {
  if (plan.asOf !== undefined) setValue(doc, doc.contents as YAMLMap, 'asOf', plan.asOf);
  const list = doc.get('contracts', true) as YAMLSeq;
  for (const { index, changes } of plan.updated) {
    const map = list.items[index] as YAMLMap;
    for (const change of changes) {
      if ('remove' in change) map.delete(change.key);
      else if (change.key === 'payments') setPayments(doc, map, change.value as Payment[]);
      else
        setValue(
          doc,
          map,
          change.key,
          change.value as string | number,
          'comment' in change ? change.comment : undefined,
        );
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
    node = doc.createNode(value) as Scalar;
    if (current !== undefined) map.set(key, node);
    else insertPair(map, new Pair(doc.createNode(key), node));
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
    const node = doc.createNode(p) as YAMLMap;
    node.flow = flow;
    return node;
  });
  if (isSeq(current)) current.items = items;
  else {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items = items;
    if (current !== undefined) map.set('payments', seq);
    else insertPair(map, new Pair(doc.createNode('payments'), seq));
  }
}

function samePayment(item: unknown, p: Payment): boolean {
  const q = item as { date?: unknown; amount?: unknown };
  return (
    q.date === p.date &&
    typeof q.amount === 'number' &&
    Math.round(q.amount * 100) === Math.round(p.amount * 100)
  );
}

function insertPair(map: YAMLMap, pair: Pair<Node, Node>): void {
  const rank = KEY_ORDER.indexOf(String((pair.key as Scalar).value));
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

function applyToJson(data: Record<string, unknown>, plan: MergePlan): string {
  if (plan.asOf !== undefined) data.asOf = plan.asOf;
  const list = data.contracts as Record<string, unknown>[];
  for (const { index, changes } of plan.updated) list[index] = applyToObject(list[index], changes);
  list.push(...plan.added.map(contractData));
  return `${JSON.stringify(data, null, 2)}\n`;
}

function applyToObject(contract: Record<string, unknown>, changes: FieldChange[]): Record<string, unknown> {
  let out = { ...contract };
  for (const change of changes) {
    if ('remove' in change) {
      delete out[change.key];
    } else if (change.key in out) {
      out[change.key] = change.value;
    } else {
      const entries = Object.entries(out);
      const rank = KEY_ORDER.indexOf(change.key);
      const before = entries.findLastIndex(
        ([k]) => KEY_ORDER.indexOf(k) !== -1 && KEY_ORDER.indexOf(k) < rank,
      );
      entries.splice(rank === -1 || before === -1 ? entries.length : before + 1, 0, [
        change.key,
        change.value,
      ]);
      out = Object.fromEntries(entries);
    }
  }
  return out;
}
