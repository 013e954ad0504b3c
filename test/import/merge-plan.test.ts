import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/core/types.js';
import type { ImportedContract } from '../../src/import/group-contracts.js';
import { type ExistingContract, type FieldEdit, planMerge } from '../../src/import/merge-plan.js';

function existing(fields: Partial<Contract>, options: { guessed?: boolean } = {}): ExistingContract {
  const contract: Contract = {
    id: 'C1',
    client: 'acme',
    type: 'fixed',
    status: 'active',
    start: '2026-01-01',
    earnings: 0,
    refunded: 0,
    dispute: 'none',
    clientSuspended: false,
    ...fields,
  };
  const keys = new Set(Object.keys(fields).concat('id', 'client', 'type', 'status', 'start'));
  return { contract, keys, statusComment: options.guessed ? ' guessed by jss import: whatever' : '' };
}

function fresh(payments: [string, number][], fields: Partial<ImportedContract> = {}): ImportedContract {
  const list = payments.map(([date, cents]) => ({ date, cents }));
  return {
    id: 'C1',
    client: 'acme',
    clientUnknown: false,
    type: 'fixed',
    start: list[0].date,
    status: 'active',
    payments: list,
    earningsCents: list.reduce((s, p) => s + p.cents, 0),
    refundedCents: 0,
    bonusOnly: false,
    importedId: 'imp-00000000',
    ...fields,
  };
}

const RANGE = { earliest: '2026-01-01', latest: '2026-06-30' };
/** The first contract's edits as one object: key → new value, `REMOVED` for a removed key. */
const editsOf = (plan: ReturnType<typeof planMerge>) =>
  Object.fromEntries(
    plan.updated[0].edits.map((e: FieldEdit) =>
      e.op === 'set-payments' ? ['payments', e.payments] : [e.key, e.op === 'remove' ? 'REMOVED' : e.value],
    ),
  );

describe('planMerge', () => {
  it('refreshes the money of a contract the export covers: payments, earnings, refunded', () => {
    const old = existing({ earnings: 100, refunded: 10, payments: [{ date: '2026-02-01', amount: 100 }] });
    const plan = planMerge(
      [old],
      [
        fresh(
          [
            ['2026-02-01', 10000],
            ['2026-03-01', 5050],
          ],
          { refundedCents: 2000 },
        ),
      ],
      RANGE,
      undefined,
    );
    expect(editsOf(plan)).toEqual({
      payments: [
        { date: '2026-02-01', amount: 100 },
        { date: '2026-03-01', amount: 50.5 },
      ],
      earnings: 150.5,
      refunded: 20,
    });
    expect(plan.added).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('changes nothing when the export says what the file says', () => {
    const old = existing({
      earnings: 150.5,
      payments: [
        { date: '2026-02-01', amount: 100 },
        { date: '2026-03-01', amount: 50.5 },
      ],
    });
    const plan = planMerge(
      [old],
      [
        fresh([
          ['2026-02-01', 10000],
          ['2026-03-01', 5050],
        ]),
      ],
      RANGE,
      undefined,
    );
    expect(plan.updated[0].edits).toEqual([]);
  });

  it('keeps the payments on days a shorter export does not cover, and never lowers refunded then', () => {
    const old = existing({
      earnings: 300,
      refunded: 40,
      payments: [
        { date: '2025-12-01', amount: 200 },
        { date: '2026-02-01', amount: 100 },
      ],
    });
    const plan = planMerge(
      [old],
      [
        fresh(
          [
            ['2026-02-01', 10000],
            ['2026-03-01', 5000],
          ],
          { refundedCents: 1000 },
        ),
      ],
      RANGE,
      undefined,
    );
    const edits = editsOf(plan);
    expect(edits.payments).toEqual([
      { date: '2025-12-01', amount: 200 },
      { date: '2026-02-01', amount: 100 },
      { date: '2026-03-01', amount: 50 },
    ]);
    expect(edits.earnings).toBe(350);
    expect(edits.refunded).toBeUndefined(); // max(40, 10): unchanged
  });

  it('removes a payment on a covered day that the export does not have, and says so', () => {
    const old = existing({
      earnings: 300,
      payments: [
        { date: '2026-02-01', amount: 100 },
        { date: '2026-02-15', amount: 200 },
      ],
    });
    const plan = planMerge([old], [fresh([['2026-02-01', 10000]])], RANGE, undefined);
    expect(editsOf(plan)).toMatchObject({ earnings: 100, payments: [{ date: '2026-02-01', amount: 100 }] });
    expect(plan.warnings).toEqual([
      'contract C1: 1 payment(s) on days the export covers are not in it and were removed (2026-02-15 $200.00)',
    ]);
  });

  it('refreshes firstPayment and lastPayment where the file uses them instead of a list', () => {
    const old = existing({ earnings: 100, firstPayment: '2026-02-01', lastPayment: '2026-02-01' });
    const plan = planMerge(
      [old],
      [
        fresh([
          ['2026-02-01', 10000],
          ['2026-04-01', 5000],
        ]),
      ],
      RANGE,
      undefined,
    );
    expect(editsOf(plan)).toEqual({ lastPayment: '2026-04-01', earnings: 150 });
  });

  it('leaves the money alone, with a warning, when the export misses the start and the file has no list', () => {
    const old = existing({
      start: '2025-06-01',
      earnings: 900,
      firstPayment: '2025-06-10',
      lastPayment: '2026-02-01',
    });
    const plan = planMerge([old], [fresh([['2026-02-01', 10000]])], RANGE, undefined);
    expect(plan.updated[0].edits).toEqual([]);
    expect(plan.warnings[0]).toMatch(
      /contract C1: its payments before 2026-01-01 are not in the export .* left as they were/,
    );
  });

  it('moves a start or a confirmed end that a payment now falls outside of, and says so', () => {
    const old = existing({
      status: 'ended',
      start: '2026-02-01',
      end: '2026-03-01',
      earnings: 100,
      payments: [{ date: '2026-02-01', amount: 100 }],
      endedBy: 'client',
    });
    const plan = planMerge(
      [old],
      [
        fresh([
          ['2026-01-20', 5000],
          ['2026-02-01', 10000],
          ['2026-03-05', 2000],
        ]),
      ],
      RANGE,
      undefined,
    );
    const edits = plan.updated[0].edits;
    expect(edits).toContainEqual({
      op: 'set',
      key: 'start',
      value: '2026-01-20',
      comment: ' moved from 2026-02-01 by jss import: a payment falls on 2026-01-20',
    });
    expect(edits).toContainEqual({
      op: 'set',
      key: 'end',
      value: '2026-03-05',
      comment: ' moved from 2026-03-01 by jss import: a payment falls on 2026-03-05',
    });
    expect(edits.find((e) => e.op === 'set' && e.key === 'status')).toBeUndefined();
  });

  it('guesses a status again while it is still marked as a guess', () => {
    const active = existing(
      { earnings: 100, payments: [{ date: '2026-02-01', amount: 100 }] },
      { guessed: true },
    );
    const ended = planMerge([active], [fresh([['2026-02-01', 10000]])], RANGE, undefined);
    expect(editsOf(ended)).toMatchObject({ status: 'ended', end: '2026-02-01' });
    expect(ended.warnings).toEqual([
      'contract C1: status guessed again: ended (its last payment is on 2026-02-01); check it',
    ]);

    const guessedEnded = existing(
      { status: 'ended', end: '2026-02-01', earnings: 100, payments: [{ date: '2026-02-01', amount: 100 }] },
      { guessed: true },
    );
    const reopened = planMerge(
      [guessedEnded],
      [
        fresh([
          ['2026-02-01', 10000],
          ['2026-06-20', 1000],
        ]),
      ],
      RANGE,
      undefined,
    );
    expect(editsOf(reopened)).toMatchObject({ status: 'active', end: 'REMOVED' });

    const confirmed = existing({ earnings: 100, payments: [{ date: '2026-02-01', amount: 100 }] });
    expect(
      editsOf(planMerge([confirmed], [fresh([['2026-02-01', 10000]])], RANGE, undefined)).status,
    ).toBeUndefined();
  });

  it('adds the contracts the history lacks, counts those the export lacks, and moves an asOf that merged payments pass', () => {
    const other = existing({ id: 'OLD' });
    const plan = planMerge([other], [fresh([['2026-02-01', 100]], { id: 'NEW' })], RANGE, '2026-01-15');
    expect(plan.added.map((c) => c.id)).toEqual(['NEW']);
    expect(plan.untouched).toBe(1);
    expect(plan).toMatchObject({ asOf: '2026-06-30', asOfWas: '2026-01-15' });
    // the export reaches past the user's asOf, but no merged payment does: the asOf stays
    expect(
      planMerge([other], [fresh([['2026-02-01', 100]], { id: 'NEW' })], RANGE, '2026-05-01').asOf,
    ).toBeUndefined();
    expect(planMerge([other], [], RANGE, '2026-01-01').asOf).toBeUndefined();
    expect(planMerge([other], [], RANGE, undefined).asOf).toBeUndefined();
  });
});
