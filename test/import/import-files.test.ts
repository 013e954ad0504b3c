import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import type { ImportedContract } from '../../src/import/group-contracts.js';
import { type Imported, importFiles } from '../../src/import/import-files.js';
import { repoRoot } from '../helpers/run-cli.js';

const FIXTURES = 'test/fixtures/import';
const load = (...files: string[]) =>
  importFiles(
    files.map((f) => `${FIXTURES}/${f}`),
    { cwd: repoRoot },
  );

function perClient(
  imported: Imported,
): Record<string, { earnings: number; refunded: number; contracts: number }> {
  const out: Record<string, { earnings: number; refunded: number; contracts: number }> = {};
  for (const c of imported.contracts) {
    out[c.client] ??= { earnings: 0, refunded: 0, contracts: 0 };
    out[c.client].earnings += c.earningsCents;
    out[c.client].refunded += c.refundedCents;
    out[c.client].contracts++;
  }
  return out;
}

function row(c: ImportedContract) {
  return [
    c.client,
    c.type,
    c.title ?? c.rateCents,
    c.earningsCents,
    c.refundedCents,
    c.start,
    c.status,
    c.end ?? null,
  ];
}

describe.each(['transactions-13.csv', 'transactions-19.csv', 'transactions-19-sentence.csv'])(
  'a transaction history: %s',
  (file) => {
    it('becomes the right contracts and totals', async () => {
      const imported = await load(file);
      expect(imported.latest).toBe('2026-09-04');
      expect(imported.earliest).toBe('2026-02-01');
      expect(perClient(imported)).toEqual({
        'Acme Corp': { earnings: 165050, refunded: 5000, contracts: 2 },
        'Beta LLC': { earnings: 89050, refunded: 0, contracts: 2 },
      });
      expect(imported.contracts.map(row)).toEqual([
        ['Beta LLC', 'hourly', 1800, 52800, 0, '2026-02-16', 'ended', '2026-03-16'],
        ['Acme Corp', 'fixed', 'Landing page', 125050, 5000, '2026-06-15', 'ended', '2026-07-01'],
        ['Acme Corp', 'fixed', 'SEO audit', 40000, 0, '2026-08-10', 'active', null], // with the bonus of Aug 20
        ['Beta LLC', 'hourly', 2500, 36250, 0, '2026-08-10', 'active', null], // the Sep 4 row is pending
      ]);
      expect(imported.contracts[2].payments).toEqual([
        { date: '2026-08-10', cents: 30000 },
        { date: '2026-08-20', cents: 10000 },
      ]);
    });

    it('counts what it used and skipped', async () => {
      const [f] = (await load(file)).files;
      expect(f.read).toBe(21);
      expect(f.rows.map((r) => r.kind).sort()).toEqual([
        'bonus',
        'fixed',
        'fixed',
        'fixed',
        'hourly',
        'hourly',
        'hourly',
        'hourly',
        'hourly',
        'refund',
      ]);
      expect(f.skipped).toEqual({
        fee: 4,
        tax: 1,
        withdrawal: 2,
        connects: 1,
        membership: 1,
        pending: 2,
        zero: 0,
        other: 0,
      });
    });
  },
);

it('every layout gives the same ids for the same contracts', async () => {
  const ids = await Promise.all(
    ['transactions-13.csv', 'transactions-19.csv', 'transactions-19-sentence.csv'].map(async (f) =>
      (await load(f)).contracts.map((c) => c.id),
    ),
  );
  expect(ids[1]).toEqual(ids[0]);
  expect(ids[2]).toEqual(ids[0]);
});

describe('a weekly summary', () => {
  it('names contracts by id, with a placeholder client for each', async () => {
    const imported = await load('weekly-summary.csv');
    expect(imported.latest).toBe('2026-08-31');
    expect(imported.contracts.map((c) => [c.id, ...row(c)])).toEqual([
      ['39000001', 'unknown-39000001', 'hourly', 'Data entry', 52800, 0, '2026-03-02', 'ended', '2026-03-16'],
      [
        '40999999',
        'unknown-40999999',
        'fixed',
        'Landing page',
        125050,
        5000,
        '2026-06-15',
        'ended',
        '2026-07-01',
      ],
      ['41234599', 'unknown-41234599', 'fixed', 'SEO audit', 40000, 0, '2026-08-10', 'active', null],
      [
        '41234567',
        'unknown-41234567',
        'hourly',
        'Website maintenance',
        36250,
        0,
        '2026-08-24',
        'active',
        null,
      ],
    ]);
    expect(imported.contracts.every((c) => c.clientUnknown)).toBe(true);
    expect(imported.warnings).toEqual([
      'the exports cover 2026-03-02 to 2026-08-31, less than the 24 months the JSS looks back on: export your transactions from 2024-08-31 (or earlier) and import them too, or contracts that count may be missing',
    ]);
  });

  it('given with a transaction history, warns that payments may be counted twice', async () => {
    const imported = await load('transactions-13.csv', 'weekly-summary.csv');
    expect(imported.warnings[0]).toMatch(/both a transaction history and a weekly summary .* counted twice/);
  });
});

it('counts a row found in two overlapping exports once', async () => {
  const imported = await load('transactions-13.csv', 'transactions-later.csv');
  expect(imported.duplicates).toBe(10); // every row the first file used
  const beta25 = imported.contracts.find((c) => c.rateCents === 2500)!;
  expect(beta25.earningsCents).toBe(16250 + 20000 + 25000 + 10000);
});

describe('problems', () => {
  const HEADER =
    'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance';
  const GOOD = '"Sep 4, 2026",1,Fixed Price,Invoice for A,,K,Acme,K,,$10.00,10.00,USD,10.00';

  async function problemsOf(text: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'jss-import-'));
    writeFileSync(join(dir, 'export.csv'), text);
    try {
      await importFiles(['export.csv'], { cwd: dir });
    } catch (error) {
      if (isUserError(error)) return error.message;
      throw error;
    }
    throw new Error('expected a UserError');
  }

  it('an unknown header names the layouts that are known', async () => {
    const message = await problemsOf('Date,Amount\n2026-01-01,5\n');
    expect(message).toMatch(/^export\.csv:1: not a known Upwork export: the header line is "Date,Amount"/);
    expect(message).toContain('transaction history, 13 columns: Date,Ref ID,Type,Description');
    expect(message).toContain(
      'transaction history, 19 columns in sentence case: Date,Transaction ID,Transaction type',
    );
    expect(message).toContain('weekly summary: Date,Contract,Hours,Amount,Payment type');
  });

  it('an empty file', async () => {
    expect(await problemsOf('')).toMatch(/^export\.csv:1: the file is empty/);
  });

  it('a malformed row, at its line', async () => {
    const message = await problemsOf(`${HEADER}\n${GOOD}\n"Sep 4, 2026",2,Hourly,x\n`);
    expect(message).toMatch(/^export\.csv:3: malformed CSV row: the row has 4 fields but the header has 13/);
  });

  it('an unclosed quote', async () => {
    expect(await problemsOf(`${HEADER}\n${GOOD}\n"Sep 4, 2026,2\n`)).toMatch(
      /^export\.csv:3: malformed CSV row: Quote Not Closed/,
    );
  });

  it('every amount and date that does not parse, each at its line', async () => {
    const message = await problemsOf(
      `${HEADER}\n${GOOD}\n"Sep 31, 2026",2,Hourly,x,,K,Acme,K,,$1.00,1,USD,1\n"Sep 4, 2026",3,Hourly,x,,K,Acme,K,,ten,1,USD,1\n`,
    );
    expect(message).toContain('export.csv:3: date "Sep 31, 2026" is not a date');
    expect(message).toContain('export.csv:4: amount "ten" is not an amount of money');
  });

  it('a malformed weekly-summary contract', async () => {
    const message = await problemsOf(
      '"Date","Contract","Hours","Amount","Payment type"\n"2026-08-31","Website","1:00","20.00","Hourly"\n',
    );
    expect(message).toMatch(/^export\.csv:2: contract "Website" has no contract id/);
  });
});
