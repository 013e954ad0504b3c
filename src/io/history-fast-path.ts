import { isDateInRange, isIsoDate } from '../core/dates.js';
import {
  CONTRACT_KEYS,
  CONTRACT_TYPES,
  DISPUTES,
  END_REASONS,
  ENDED_BY,
  type History,
  STATUSES,
} from '../core/types.js';

/*
 * A fast reading of a well-formed history, for big files: zod spends microseconds on each
 * contract and copies every object, so 100,000 contracts would cost more than parsing the JSON.
 * `fastHistory` accepts exactly what `historySchema` accepts and then completes the parsed data
 * in place the way the schema would (defaults, ids as text, trimmed id and client), allocating
 * almost nothing; on anything else it returns undefined, untouched, and the caller lets zod parse
 * and explain. test/io/history-fast-path.test.ts holds the two to agreement, on examples and on
 * generated near-valid inputs.
 */

type Data = Record<string, unknown>;

const ROOT_KEYS = new Set(['$schema', 'version', 'asOf', 'freelancer', 'contracts', 'observed']);
const OBSERVATION_KEYS = new Set(['date', 'jss', 'note']);
const CONTRACT_KEY_SET = new Set<string>(CONTRACT_KEYS);
const PAYMENT_KEYS = new Set(['date', 'amount']);
const FEEDBACK_KEYS = new Set(['public', 'private']);
const TYPES = new Set<string>(CONTRACT_TYPES);
const STATUS_SET = new Set<string>(STATUSES);
const ENDED_BY_SET = new Set<string>(ENDED_BY);
const END_REASON_SET = new Set<string>(END_REASONS);
const DISPUTE_SET = new Set<string>(DISPUTES);

/** The history `historySchema` would return, made from `data` itself; undefined if unsure. */
export function fastHistory(data: unknown): History | undefined {
  if (!isObject(data, ROOT_KEYS)) return undefined;
  const { contracts } = data;
  const ok =
    optional(data.$schema, isText) &&
    (data.version === undefined || data.version === 1) &&
    optional(data.asOf, isDate) &&
    optional(data.freelancer, isText) &&
    Array.isArray(contracts) &&
    contracts.every(isContract) &&
    optional(data.observed, isObservations);
  if (!ok) return undefined;

  if ('$schema' in data) delete data.$schema;
  data.version = 1;
  for (const c of contracts as Data[]) {
    c.id = typeof c.id === 'number' ? String(c.id) : (c.id as string).trim();
    c.client = (c.client as string).trim();
    c.earnings ??= 0;
    c.refunded ??= 0;
    c.dispute ??= 'none';
    c.clientSuspended ??= false;
  }
  return data as unknown as History;
}

function isContract(value: unknown): boolean {
  if (!isObject(value, CONTRACT_KEY_SET)) return false;
  const c = value;
  return (
    (Number.isSafeInteger(c.id) || isNonEmpty(c.id)) &&
    isNonEmpty(c.client) &&
    optional(c.title, isText) &&
    isMember(c.type, TYPES) &&
    isMember(c.status, STATUS_SET) &&
    isDate(c.start) &&
    optional(c.end, isDate) &&
    optional(c.earnings, isMoney) &&
    optional(c.refunded, isMoney) &&
    optional(c.payments, isPayments) &&
    optional(c.firstPayment, isDate) &&
    optional(c.lastPayment, isDate) &&
    (c.endedBy === undefined || isMember(c.endedBy, ENDED_BY_SET)) &&
    (c.endReason === undefined || isMember(c.endReason, END_REASON_SET)) &&
    optional(c.feedback, isFeedback) &&
    (c.dispute === undefined || isMember(c.dispute, DISPUTE_SET)) &&
    (c.clientSuspended === undefined || typeof c.clientSuspended === 'boolean') &&
    optional(c.notes, isText)
  );
}

function isPayments(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((p) => isObject(p, PAYMENT_KEYS) && isDate(p.date) && isMoney(p.amount) && p.amount !== 0)
  );
}

function isFeedback(value: unknown): boolean {
  if (value === 'none') return true;
  if (!isObject(value, FEEDBACK_KEYS)) return false;
  const { public: stars, private: score } = value;
  if (stars === undefined && score === undefined) return false;
  const starsOk = stars === undefined || (typeof stars === 'number' && stars >= 1 && stars <= 5);
  const scoreOk =
    score === undefined ||
    score === 'none' ||
    (Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10);
  return starsOk && scoreOk;
}

function isObservations(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (o) =>
        isObject(o, OBSERVATION_KEYS) &&
        isDate(o.date) &&
        (o.jss === null || (Number.isInteger(o.jss) && (o.jss as number) >= 0 && (o.jss as number) <= 100)) &&
        optional(o.note, isText),
    )
  );
}

/** A plain object with no key outside `keys`. */
function isObject(value: unknown, keys: Set<string>): value is Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string';
}

function isNonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isMember(value: unknown, allowed: Set<string>): boolean {
  return typeof value === 'string' && allowed.has(value);
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && isIsoDate(value) && isDateInRange(value);
}

function isMoney(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1_000_000_000;
}
