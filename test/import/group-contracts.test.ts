import { describe, expect, it } from 'vitest';
import { importedId } from '../../src/import/contract-id.js';
import { groupContracts, type ImportedContract } from '../../src/import/group-contracts.js';
import { guessStatus } from '../../src/import/guess-status.js';
import type { MoneyRow } from '../../src/import/rows.js';

let line = 1;
function row(fields: Partial<MoneyRow> & Pick<MoneyRow, 'date' | 'cents' | 'kind'>): MoneyRow {
  line++;
  return { file: 'x.csv', line, client: 'acme', description: '', ...fields };
}
const byTitle = (contracts: ImportedContract[], title: string) => contracts.find((c) => c.title === title)!;

describe('groupContracts', () => {
  it('groups fixed-price rows by client and title, hourly rows by client and rate', () => {
    const { contracts } = groupContracts(
      [
        row({ date: '2026-01-05', cents: 10000, kind: 'fixed', title: 'Logo' }),
        row({ date: '2026-01-20', cents: 5050, kind: 'fixed', title: 'Logo' }),
        row({ date: '2026-01-10', cents: 7000, kind: 'fixed', title: 'Site' }),
        row({ date: '2026-01-10', cents: 9900, kind: 'fixed', title: 'Logo', client: 'beta' }),
        row({ date: '2026-01-12', cents: 1800, kind: 'hourly', rateCents: 1800 }),
        row({ date: '2026-01-19', cents: 3600, kind: 'hourly', rateCents: 1800 }),
        row({ date: '2026-01-19', cents: 2500, kind: 'hourly', rateCents: 2500 }),
        row({ date: '2026-01-26', cents: 1000, kind: 'hourly' }),
      ],
      '2026-01-31',
    );
    const summary = contracts.map((c) => [c.client, c.type, c.title ?? c.rateCents ?? null, c.earningsCents]);
    expect(summary).toHaveLength(6);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['acme', 'fixed', 'Logo', 15050],
        ['acme', 'fixed', 'Site', 7000],
        ['beta', 'fixed', 'Logo', 9900],
        ['acme', 'hourly', 1800, 5400],
        ['acme', 'hourly', 2500, 2500],
        ['acme', 'hourly', null, 1000],
      ]),
    );
  });

  it('groups by contract id where rows have one, whatever their title', () => {
    const { contracts } = groupContracts(
      [
        row({ date: '2026-01-05', cents: 100, kind: 'hourly', contractId: '41234567', title: 'Old name' }),
        row({ date: '2026-01-12', cents: 200, kind: 'hourly', contractId: '41234567', title: 'New name' }),
      ],
      '2026-01-31',
    );
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({
      id: '41234567',
      title: 'Old name',
      earningsCents: 300,
      type: 'hourly',
    });
  });

  it('joins a bonus or refund to the client contract with the latest payment on or before its day', () => {
    const { contracts } = groupContracts(
      [
        row({ date: '2026-01-05', cents: 40000, kind: 'fixed', title: 'Landing page' }),
        row({ date: '2026-02-10', cents: 30000, kind: 'fixed', title: 'SEO audit' }),
        row({ date: '2026-02-01', cents: 5000, kind: 'refund' }), // latest before it: Landing page
        row({ date: '2026-02-20', cents: 10000, kind: 'bonus' }), // latest before it: SEO audit
        row({ date: '2026-01-01', cents: 2500, kind: 'bonus' }), // before every payment: the earliest contract
        row({ date: '2026-02-20', cents: 999, kind: 'bonus', client: 'beta' }), // a client with no other rows
      ],
      '2026-02-28',
    );
    const landing = byTitle(contracts, 'Landing page');
    expect(landing).toMatchObject({ earningsCents: 42500, refundedCents: 5000, start: '2026-01-01' });
    expect(landing.payments).toEqual([
      { date: '2026-01-01', cents: 2500 },
      { date: '2026-01-05', cents: 40000 },
    ]);
    expect(byTitle(contracts, 'SEO audit')).toMatchObject({ earningsCents: 40000, refundedCents: 0 });
    const bonusOnly = contracts.find((c) => c.client === 'beta')!;
    expect(bonusOnly).toMatchObject({ type: 'fixed', bonusOnly: true, earningsCents: 999 });
  });

  it('leaves out a refund with no contract to join, and says so', () => {
    const { contracts, warnings } = groupContracts(
      [
        row({ date: '2026-01-05', cents: 100, kind: 'fixed', title: 'A' }),
        row({ date: '2026-01-06', cents: 5000, kind: 'refund', client: 'ghost' }),
      ],
      '2026-01-31',
    );
    expect(contracts).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/1 refund row\(s\) \(\$50\.00\) match no contract .*x\.csv:\d+/);
  });

  it('keeps refunded within the earnings when the refunds exceed them, and warns with the rows', () => {
    const { contracts, warnings } = groupContracts(
      [
        row({ date: '2026-01-05', cents: 10000, kind: 'fixed', title: 'A' }),
        row({ date: '2026-01-06', cents: 15000, kind: 'refund' }),
      ],
      '2026-01-31',
    );
    expect(contracts[0]).toMatchObject({
      earningsCents: 10000,
      refundedCents: 10000,
      refundsFoundCents: 15000,
    });
    expect(warnings.join('\n')).toMatch(/refunds of \$150\.00 exceed its earnings of \$100\.00/);
  });

  it('starts an hourly contract on its earliest invoice period when that is before its first payment', () => {
    const { contracts } = groupContracts(
      [
        row({ date: '2026-01-12', cents: 1800, kind: 'hourly', rateCents: 1800, periodStart: '2026-01-01' }),
        row({ date: '2026-01-19', cents: 1800, kind: 'hourly', rateCents: 1800, periodStart: '2026-01-08' }),
      ],
      '2026-01-31',
    );
    expect(contracts[0].start).toBe('2026-01-01');
  });

  it('gives stable ids: the contract id, else imp- and a hash of client, type and title or rate', () => {
    const rows = [
      row({ date: '2026-01-05', cents: 100, kind: 'fixed', title: 'Logo' }),
      row({ date: '2026-01-05', cents: 100, kind: 'hourly', rateCents: 1800 }),
    ];
    const first = groupContracts(rows, '2026-01-31').contracts.map((c) => c.id);
    expect([...first].sort()).toEqual(
      [importedId('acme', 'fixed', 'Logo'), importedId('acme', 'hourly', '18.00')].sort(),
    );
    expect(first[0]).toMatch(/^imp-[0-9a-f]{8}$/);
    expect(groupContracts([...rows].reverse(), '2026-01-31').contracts.map((c) => c.id)).toEqual(first);
  });

  it('sums money in cents, so payments add up to the earnings exactly', () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      row({ date: `2026-01-${String(i + 1).padStart(2, '0')}`, cents: 10, kind: 'fixed', title: 'A' }),
    );
    const [c] = groupContracts(rows, '2026-01-31').contracts;
    expect(c.earningsCents).toBe(100);
    expect(c.payments.reduce((s, p) => s + p.cents, 0)).toBe(c.earningsCents);
  });
});

describe('guessStatus', () => {
  it('guesses ended on the last payment when it is more than 30 days before the export, else active', () => {
    expect(guessStatus('2026-08-05', '2026-09-04')).toEqual({ status: 'active' }); // 30 days
    expect(guessStatus('2026-08-04', '2026-09-04')).toEqual({ status: 'ended', end: '2026-08-04' }); // 31 days
    expect(guessStatus('2026-09-04', '2026-09-04')).toEqual({ status: 'active' });
  });
});
