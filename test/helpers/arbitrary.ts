import fc from 'fast-check';
import { toDay, toIso } from '../../src/core/dates.js';
import type { Contract, EndReason, Feedback } from '../../src/core/types.js';

export const ASOF = '2026-11-26';
const ASOF_DAY = toDay(ASOF);
const REASONS: EndReason[] = [
  'completed',
  'no-longer-needed',
  'quality',
  'unresponsive',
  'completed-unsuccessfully',
  'other',
];

const feedbackArb: fc.Arbitrary<Feedback | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant('none' as const),
  fc.record({ public: fc.integer({ min: 2, max: 10 }).map((n) => n / 2) }),
  fc.record({ private: fc.integer({ min: 0, max: 10 }) }),
  fc.record({
    public: fc.integer({ min: 2, max: 10 }).map((n) => n / 2),
    private: fc.integer({ min: 0, max: 10 }),
  }),
);

export interface ContractOptions {
  /** Client names are drawn from this many. */
  clients?: number;
  /** Allow open contracts whose last payment must be guessed. */
  guesses?: boolean;
  /** Days back from ASOF that contracts may start. */
  spanDays?: number;
}

/** A valid contract ending (or still open) on or before ASOF. */
export function contractArb(options: ContractOptions = {}): fc.Arbitrary<Omit<Contract, 'id'>> {
  const span = options.spanDays ?? 1000;
  return fc
    .record({
      client: fc.integer({ min: 0, max: (options.clients ?? 6) - 1 }).map((n) => `c${n}`),
      type: fc.constantFrom('hourly' as const, 'fixed' as const),
      open: fc.boolean(),
      startBack: fc.integer({ min: 0, max: span }),
      length: fc.integer({ min: 0, max: 400 }),
      earnings: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
      refundedShare: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
      payFrom: fc.double({ min: 0, max: 1, noNaN: true }),
      payTo: fc.double({ min: 0, max: 1, noNaN: true }),
      guessLast: fc.boolean(),
      feedback: feedbackArb,
      reason: fc.constantFrom(...REASONS),
      dispute: fc.constantFrom('none' as const, 'none' as const, 'lost' as const),
      suspended: fc.boolean().map((b) => b && Math.random() < 0.2),
    })
    .map((r) => {
      const start = ASOF_DAY - r.startBack;
      const last = Math.min(ASOF_DAY, start + r.length);
      const c: Omit<Contract, 'id'> = {
        client: r.client,
        type: r.type,
        status: r.open ? 'active' : 'ended',
        start: toIso(start),
        earnings: r.earnings,
        refunded: Math.round(r.earnings * r.refundedShare * 100) / 100,
        dispute: r.dispute,
        clientSuspended: r.suspended,
      };
      if (!r.open) {
        c.end = toIso(last);
        c.endReason = r.reason;
        c.endedBy = 'client';
        if (r.feedback !== undefined) c.feedback = r.feedback;
      }
      if (r.earnings > 0) {
        const a = start + Math.floor((last - start) * Math.min(r.payFrom, r.payTo));
        const b = start + Math.floor((last - start) * Math.max(r.payFrom, r.payTo));
        c.firstPayment = toIso(a);
        if (!(options.guesses && r.open && r.guessLast)) c.lastPayment = toIso(b);
      }
      return c;
    });
}

export function contractsArb(
  options: ContractOptions & { min?: number; max?: number } = {},
): fc.Arbitrary<Contract[]> {
  return fc
    .array(contractArb(options), { minLength: options.min ?? 0, maxLength: options.max ?? 25 })
    .map((list) => list.map((c, i) => ({ id: `R${i}`, ...c })));
}
