import type { z } from 'zod';
import { daysInMonth, FIRST_YEAR, LAST_YEAR } from '../core/dates.js';
import {
  CONTRACT_KEYS,
  CONTRACT_TYPES,
  type Contract,
  DISPUTES,
  END_REASONS,
  ENDED_BY,
  type Feedback,
  type History,
  type Observation,
  type Payment,
  STATUSES,
} from '../core/types.js';
import type { contractSchema, historySchema, observationSchema } from './history-schema.js';

/*
 * A fast reading of a well-formed history, for big files: zod spends microseconds on each
 * contract, so 100,000 contracts would cost more than parsing the JSON. `fastHistory` accepts
 * exactly what `historySchema` accepts and builds, in one pass, the history the schema would
 * return (defaults, ids as text, trimmed id and client, a fresh object that shares nothing with
 * the parsed data); on anything else it returns undefined and the caller lets zod parse and
 * explain. The parsed data is never changed. test/io/history-fast-path.test.ts holds the two to
 * agreement, on examples and on generated near-valid inputs. Every check is written out for the
 * type it checks (no checks passed around as functions), so each call site sees one kind of value.
 */

type Data = Record<string, unknown>;

const ROOT_KEYS = ['$schema', 'version', 'asOf', 'freelancer', 'contracts', 'observed'] as const;
const OBSERVATION_KEYS = ['date', 'jss', 'note'] as const;
const PAYMENT_KEYS = ['date', 'amount'] as const;
const FEEDBACK_KEYS = ['public', 'private'] as const;

// The key lists above are the zod schema's, checked at compile time: a key added to one and not
// the other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Input = z.input<typeof historySchema>;
type FeedbackInput = Exclude<z.input<typeof contractSchema>['feedback'], 'none' | undefined>;
type PaymentInput = NonNullable<z.input<typeof contractSchema>['payments']>[number];
const keyListsMatchTheSchema: [
  Same<(typeof ROOT_KEYS)[number], keyof Input>,
  Same<(typeof CONTRACT_KEYS)[number], keyof typeof contractSchema.shape>,
  Same<(typeof OBSERVATION_KEYS)[number], keyof typeof observationSchema.shape>,
  Same<(typeof PAYMENT_KEYS)[number], keyof PaymentInput>,
  Same<(typeof FEEDBACK_KEYS)[number], keyof FeedbackInput>,
] = [true, true, true, true, true];
void keyListsMatchTheSchema;

const ROOT_KEY_SET = new Set<string>(ROOT_KEYS);
const CONTRACT_KEY_SET = new Set<string>(CONTRACT_KEYS);
const OBSERVATION_KEY_SET = new Set<string>(OBSERVATION_KEYS);
const PAYMENT_KEY_SET = new Set<string>(PAYMENT_KEYS);
const FEEDBACK_KEY_SET = new Set<string>(FEEDBACK_KEYS);
/** history-schema's MAX_MONEY (importing it would load zod); the property test holds the two together. */
const MAX_MONEY = 1_000_000_000;

/**
 * The history `historySchema` would return for `data`, as a new object; undefined if unsure.
 * `writtenIds` gives contracts (by index) the id text as written in the file, in place of the
 * number it was parsed as (as if the file had quoted it).
 */
export function fastHistory(data: unknown, writtenIds?: ReadonlyMap<number, string>): History | undefined {
  if (!isObject(data, ROOT_KEY_SET)) return undefined;
  const { $schema, version, asOf, freelancer, contracts, observed } = data;
  if ($schema !== undefined && typeof $schema !== 'string') return undefined;
  if (version !== undefined && version !== 1) return undefined;
  if (asOf !== undefined && !isDate(asOf)) return undefined;
  if (freelancer !== undefined && typeof freelancer !== 'string') return undefined;
  if (!Array.isArray(contracts)) return undefined;
  const list: Contract[] = []; // filled by push: a packed array, which the core's loops read fastest
  for (let i = 0; i < contracts.length; i++) {
    const contract = readContract(contracts[i], writtenIds?.get(i));
    if (contract === undefined) return undefined;
    list.push(contract);
  }
  let observations: Observation[] | undefined;
  if (observed !== undefined) {
    observations = readObservations(observed);
    if (observations === undefined) return undefined;
  }
  const history: History = {
    version: 1,
    ...(asOf === undefined ? {} : { asOf }),
    ...(freelancer === undefined ? {} : { freelancer }),
    contracts: list,
  };
  if (observations !== undefined) history.observed = observations;
  return history;
}

/** The contract the schema would make of `value`, or undefined. */
function readContract(value: unknown, writtenId: string | undefined): Contract | undefined {
  if (!isObject(value, CONTRACT_KEY_SET)) return undefined;
  const { id, client, title, type, status, start, end, earnings, refunded, payments } = value;
  const { firstPayment, lastPayment, endedBy, endReason, feedback, dispute, clientSuspended, notes } = value;
  let text: string;
  if (writtenId !== undefined) text = writtenId;
  else if (typeof id === 'string') {
    text = id.trim();
    if (text === '') return undefined;
  } else if (Number.isSafeInteger(id)) text = String(id);
  else return undefined;
  if (typeof client !== 'string') return undefined;
  const clientName = client.trim();
  if (clientName === '') return undefined;
  if (title !== undefined && typeof title !== 'string') return undefined;
  if (!isOneOf(type, CONTRACT_TYPES) || !isOneOf(status, STATUSES) || !isDate(start)) return undefined;
  if (end !== undefined && !isDate(end)) return undefined;
  if (earnings !== undefined && !isMoney(earnings)) return undefined;
  if (refunded !== undefined && !isMoney(refunded)) return undefined;
  if (firstPayment !== undefined && !isDate(firstPayment)) return undefined;
  if (lastPayment !== undefined && !isDate(lastPayment)) return undefined;
  if (endedBy !== undefined && !isOneOf(endedBy, ENDED_BY)) return undefined;
  if (endReason !== undefined && !isOneOf(endReason, END_REASONS)) return undefined;
  if (dispute !== undefined && !isOneOf(dispute, DISPUTES)) return undefined;
  if (clientSuspended !== undefined && typeof clientSuspended !== 'boolean') return undefined;
  if (notes !== undefined && typeof notes !== 'string') return undefined;
  const paid = payments === undefined ? undefined : readPayments(payments);
  if (payments !== undefined && paid === undefined) return undefined;
  const rated = feedback === undefined ? undefined : readFeedback(feedback);
  if (feedback !== undefined && rated === undefined) return undefined;
  const contract: Contract = {
    id: text,
    client: clientName,
    type,
    status,
    start,
    earnings: earnings ?? 0,
    refunded: refunded ?? 0,
    dispute: dispute ?? 'none',
    clientSuspended: clientSuspended ?? false,
  };
  if (title !== undefined) contract.title = title;
  if (end !== undefined) contract.end = end;
  if (paid !== undefined) contract.payments = paid;
  if (firstPayment !== undefined) contract.firstPayment = firstPayment;
  if (lastPayment !== undefined) contract.lastPayment = lastPayment;
  if (endedBy !== undefined) contract.endedBy = endedBy;
  if (endReason !== undefined) contract.endReason = endReason;
  if (rated !== undefined) contract.feedback = rated;
  if (notes !== undefined) contract.notes = notes;
  return contract;
}

function readPayments(value: unknown): Payment[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Payment[] = [];
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    if (!isObject(p, PAYMENT_KEY_SET)) return undefined;
    const { date, amount } = p;
    if (!isDate(date) || !isMoney(amount) || amount === 0) return undefined;
    out.push({ date, amount });
  }
  return out;
}

function readFeedback(value: unknown): Feedback | undefined {
  if (value === 'none') return 'none';
  if (!isObject(value, FEEDBACK_KEY_SET)) return undefined;
  const { public: stars, private: score } = value;
  if (stars === undefined && score === undefined) return undefined;
  if (stars !== undefined && !(typeof stars === 'number' && stars >= 1 && stars <= 5)) return undefined;
  if (score === undefined) return { public: stars };
  if (
    score !== 'none' &&
    !(Number.isInteger(score) && typeof score === 'number' && score >= 0 && score <= 10)
  )
    return undefined;
  return stars === undefined ? { private: score } : { public: stars, private: score };
}

function readObservations(value: unknown): Observation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Observation[] = [];
  for (let i = 0; i < value.length; i++) {
    const o: unknown = value[i];
    if (!isObject(o, OBSERVATION_KEY_SET)) return undefined;
    const { date, jss, note } = o;
    if (!isDate(date)) return undefined;
    if (jss !== null && !(typeof jss === 'number' && Number.isInteger(jss) && jss >= 0 && jss <= 100))
      return undefined;
    if (note !== undefined && typeof note !== 'string') return undefined;
    out.push(note === undefined ? { date, jss } : { date, jss, note });
  }
  return out;
}

/** A plain object with no key outside `keys`. */
function isObject(value: unknown, keys: ReadonlySet<string>): value is Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  for (let i = 0; i < allowed.length; i++) if (allowed[i] === value) return true;
  return false;
}

/** A real calendar date as YYYY-MM-DD, in the years a history may have (as isIsoDate and isDateInRange). */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  return (
    year >= FIRST_YEAR &&
    year <= LAST_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The number `count` decimal digits at `from` spell; -1 if one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isMoney(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_MONEY;
}
