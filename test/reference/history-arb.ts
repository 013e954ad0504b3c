/**
 * Random valid histories for the reference comparison, aimed at the model's edges: payments lists,
 * guessed first/last payments, refunds, tier boundaries, long-term clients, open contracts on
 * either side of turning idle, zero earnings, disputes, suspended clients, feedback on any status,
 * month-end evaluation dates, and counting dates exactly on (or a day off) window edges.
 */
import fc from 'fast-check';
import type {
  Contract,
  ContractType,
  Dispute,
  EndedBy,
  EndReason,
  Feedback,
  History,
  Payment,
  Status,
} from '../../src/core/types.js';
import { END_REASONS } from '../../src/core/types.js';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

export function minusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Evaluation dates: month ends, leap days, and ordinary days. */
export const asOfArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-08-31',
    '2028-02-29',
    '2026-11-26',
    '2027-03-31',
    '2026-12-31',
    '2028-03-31',
    '2027-02-28',
    '2026-05-31',
    '2028-08-31',
  ),
  fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2025-06-01', n)),
);

/** `at` from asOf: the same day most often, else up to two years later, month ends included. */
export function atArb(asOf: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(asOf) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 730 }).map((n) => addDays(asOf, n)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 24 }).map((m) => {
        // the last day of a month m months later
        const [y, mo] = asOf.split('-').map(Number);
        const total = y * 12 + (mo - 1) + m;
        return new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).toISOString().slice(0, 10);
      }),
    },
  );
}

const publicArb = fc.oneof(
  fc.integer({ min: 2, max: 10 }).map((n) => n / 2),
  fc.constantFrom(1, 3.99, 4, 4.49, 4.5, 4.51, 5, 4.2),
);
const privateArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(6.5, 8.5, 8.99, 0.5) },
);

const feedbackArb: fc.Arbitrary<Feedback | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant('none' as const) },
  { weight: 2, arbitrary: fc.record({ public: publicArb }) },
  { weight: 2, arbitrary: fc.record({ private: privateArb }) },
  { weight: 2, arbitrary: fc.record({ public: publicArb, private: privateArb }) },
  { weight: 1, arbitrary: fc.constant({}) },
);

const earningsArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 3000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 300000 }).map((c) => c / 100) },
  { weight: 2, arbitrary: fc.constantFrom(0.01, 250, 250.01, 1000, 1000.01, 2.01, 3) },
);

/** Contract lengths, with the 90-day boundaries of the bonus and long-term rules well represented. */
function lengthArb(maxLength: number, edges: boolean): fc.Arbitrary<number> {
  if (!edges) return fc.integer({ min: 0, max: maxLength });
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: maxLength }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0, 1, 29, 30, 31, 89, 90, 91, 179, 180, 181, 269, 270, 271, 720),
    },
  );
}

interface KeyChoice {
  kind: 'back' | 'windowEdge' | 'idleEdge';
  back: number;
  months: number;
  afterDays: number;
  delta: number;
}

const keyArb = (spread: number, edges: boolean): fc.Arbitrary<KeyChoice> =>
  fc.record({
    kind: edges
      ? fc.constantFrom('back' as const, 'back' as const, 'windowEdge' as const, 'idleEdge' as const)
      : fc.constant('back' as const),
    back: fc.integer({ min: 0, max: spread }),
    months: fc.constantFrom(3, 6, 12, 24),
    afterDays: fc.constantFrom(30, 90),
    delta: fc.integer({ min: -1, max: 1 }),
  });

/** The day a contract's counting date (or last payment) is built around. */
function keyDate(k: KeyChoice, asOf: string, at: string, open: boolean): string {
  let day: string;
  if (k.kind === 'back') day = addDays(asOf, -k.back);
  else if (k.kind === 'windowEdge') {
    // ended: the end on a window's first day; open and idle: the idle day on it
    const edge = addDays(minusMonths(at, k.months), k.delta);
    day = open ? addDays(edge, -k.afterDays) : edge;
  } else day = addDays(at, -k.afterDays + k.delta);
  return minDate(day, asOf);
}

/**
 * How a history is spread: over how many days back its contracts end, how long they run, how many
 * clients there are. Tight, short histories have few long-term clients; long ones have many.
 */
interface Shape {
  spread: number;
  maxLength: number;
  clients: number;
  /** Whether dates and lengths are drawn toward window, idle and 90-day edges. */
  edges: boolean;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  spread: fc.constantFrom(60, 200, 400, 1100),
  maxLength: fc.constantFrom(30, 120, 500),
  clients: fc.integer({ min: 1, max: 12 }),
  edges: fc.boolean(),
});

const contractRecordArb = (shape: Shape) =>
  fc.record({
    client: fc.integer({ min: 0, max: shape.clients - 1 }),
    type: fc.constantFrom<ContractType>('hourly', 'fixed'),
    status: fc.constantFrom<Status>('ended', 'ended', 'ended', 'active', 'paused'),
    key: keyArb(shape.spread, shape.edges),
    length: lengthArb(shape.maxLength, shape.edges),
    earnings: earningsArb,
    refund: fc.oneof(
      { weight: 6, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: fc.constant('all' as const) },
      { weight: 1, arbitrary: fc.constant('cent-left' as const) },
      { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    ),
    pay: fc.constantFrom('list', 'list', 'both', 'both', 'first', 'last', 'none'),
    extraPayments: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
    sortPayments: fc.boolean(),
    firstAt: fc.double({ min: 0, max: 1, noNaN: true }),
    lastAt: fc.double({ min: 0, max: 1, noNaN: true }),
    feedback: feedbackArb,
    openFeedback: fc.boolean(),
    endedBy: fc.option(fc.constantFrom<EndedBy>('client', 'freelancer', 'upwork'), { nil: undefined }),
    endReason: fc.option(fc.constantFrom<EndReason>(...END_REASONS), { nil: undefined }),
    dispute: fc.constantFrom<Dispute>('none', 'none', 'none', 'won', 'lost', 'settled'),
    suspended: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  });

type ContractRecord = ReturnType<typeof contractRecordArb> extends fc.Arbitrary<infer T> ? T : never;

function buildContract(r: ContractRecord, id: string, asOf: string, at: string): Contract {
  const open = r.status !== 'ended';
  const key = keyDate(r.key, asOf, at, open);
  const start = addDays(key, -r.length);
  const c: Contract = {
    id,
    client: `c${r.client}`,
    type: r.type,
    status: r.status,
    start,
    earnings: r.earnings,
    refunded: 0,
    dispute: r.dispute,
    clientSuspended: r.suspended,
  };
  if (r.refund === 'all') c.refunded = r.earnings;
  else if (r.refund === 'cent-left')
    c.refunded = r.earnings >= 0.01 ? Math.round(r.earnings * 100 - 1) / 100 : 0;
  else if (typeof r.refund === 'number') c.refunded = Math.round(r.earnings * r.refund * 100) / 100;

  // Ended: the key day is the end. Open: the key day is the last payment (or, unpaid, the start is
  // one of the dates used for idleness), and payments may run up to asOf.
  const last = key;
  if (!open) {
    c.end = key;
    if (r.endedBy !== undefined) c.endedBy = r.endedBy;
    if (r.endReason !== undefined) c.endReason = r.endReason;
  }
  if (r.feedback !== undefined && (!open || r.openFeedback)) c.feedback = r.feedback;

  if (r.earnings > 0) {
    const span = daysBetween(start, last);
    const at01 = (x: number) => addDays(start, Math.floor(span * x));
    if (r.pay === 'list') {
      // the key day is always a payment; the rest anywhere from start to it
      const dates = [last, ...r.extraPayments.map(at01)];
      const cents = Math.round(r.earnings * 100);
      const share = Math.floor(cents / dates.length);
      const payments: Payment[] = dates.map((date, i) => ({
        date,
        amount: (i === 0 ? cents - share * (dates.length - 1) : share) / 100,
      }));
      // DESIGN does not ask for a payments list in date order: half the lists are left unordered
      c.payments = payments.filter((p) => p.amount > 0);
      if (r.sortPayments) c.payments.sort((a, b) => (a.date < b.date ? -1 : 1));
    } else {
      const a = at01(Math.min(r.firstAt, r.lastAt));
      if (r.pay === 'both' || r.pay === 'first') c.firstPayment = a;
      if (r.pay === 'both' || r.pay === 'last') c.lastPayment = last;
    }
  }
  return c;
}

export interface Case {
  history: History;
  asOf: string;
  at: string;
}

/** A valid history with its evaluation date and a scoring day on or after it. */
export const caseArb: fc.Arbitrary<Case> = asOfArb.chain((asOf) =>
  fc.tuple(atArb(asOf), shapeArb).chain(([at, shape]) =>
    fc.array(contractRecordArb(shape), { maxLength: 16 }).map((records) => ({
      asOf,
      at,
      history: {
        version: 1 as const,
        asOf,
        contracts: records.map((r, i) => buildContract(r, `K${i}`, asOf, at)),
      },
    })),
  ),
);
