import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { FileRowsBuilder } from '../../src/import/file-rows-builder.js';
import { LAYOUTS } from '../../src/import/layouts.js';
import type { CsvRow } from '../../src/import/read-csv.js';

const source = { name: 'export.csv', text: '' };
const row = (line: number): CsvRow => ({ line, fields: [] });
const rows = [row(2), row(3), row(4), row(5), row(6), row(7), row(8)];

function builder() {
  return new FileRowsBuilder(source, LAYOUTS[0], ['Date', 'Type'], rows);
}

const details = () => ({ client: 'Acme', description: 'text' });

describe('FileRowsBuilder.keep: the classify/skip/refund tail both readers share', () => {
  it('keeps earnings as they are and a used row below zero as a refund, its amount made positive', () => {
    const file = builder();
    file.keep(row(2), { date: '2026-01-05', cents: 1800, type: 'Hourly' }, details);
    file.keep(row(3), { date: '2026-01-06', cents: -500, type: 'Fixed Price' }, details);
    file.keep(row(4), { date: '2026-01-07', cents: -700, type: 'Refund' }, details);
    file.keep(row(5), { date: '2026-01-08', cents: 900, type: '', rowType: 'hourly' }, details);
    const out = file.finish();
    expect(out.rows.map((r) => [r.line, r.kind, r.cents])).toEqual([
      [2, 'hourly', 1800],
      [3, 'refund', 500],
      [4, 'refund', 700],
      [5, 'hourly', 900],
    ]);
    expect(out.rows[0]).toEqual({
      file: 'export.csv',
      line: 2,
      date: '2026-01-05',
      cents: 1800,
      kind: 'hourly',
      client: 'Acme',
      description: 'text',
    });
    expect(out.read).toBe(rows.length);
  });

  it('counts what it leaves out by why, and asks for details only of the rows it keeps', () => {
    const file = builder();
    const asked: number[] = [];
    const track = (line: number) => () => {
      asked.push(line);
      return details();
    };
    file.keep(row(2), { date: '2026-01-05', cents: -300, type: 'Service Fee' }, track(2));
    file.keep(row(3), { date: '2026-01-05', cents: 0, type: 'Hourly' }, track(3));
    file.keep(row(4), { date: '2026-01-05', cents: 0, type: 'Mystery' }, track(4));
    file.keep(row(5), { date: '2026-01-05', cents: 0, type: 'Mystery' }, track(5));
    file.keep(row(6), { date: '2026-01-05', cents: -200, type: 'Refund', rowType: 'fee' }, track(6));
    file.keep(row(7), { date: '2026-01-05', cents: 100, type: 'Bonus' }, track(7));
    file.skip('pending');
    const out = file.finish();
    expect(asked).toEqual([7]);
    expect(out.skipped).toEqual({
      fee: 2,
      tax: 0,
      withdrawal: 0,
      connects: 0,
      membership: 0,
      pending: 1,
      zero: 1,
      other: 2,
    });
    expect([...out.otherTypes]).toEqual([['Mystery', 2]]);
  });

  it('refuses a row of an unknown type that carries money, with every other problem of the file', () => {
    const file = builder();
    file.keep(row(2), { date: '2026-01-05', cents: -1250, type: 'Mystery' }, details);
    expect(file.date(row(3), 'someday', 'a hint')).toBeUndefined();
    expect(file.cents(row(4), 'ten', 'a hint')).toBeUndefined();
    try {
      file.finish();
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.problems.map((p) => [p.line, p.code])).toEqual([
        [2, 'unknown-row-type'],
        [3, 'invalid-date'],
        [4, 'invalid-amount'],
      ]);
      expect(error.problems[0].message).toBe(
        'a row of type "Mystery", which jss does not know, carries -$12.50',
      );
    }
  });

  it('widens the file’s earliest and latest dates and finds columns by lower-case header name', () => {
    const file = builder();
    for (const date of ['2026-03-01', '2026-01-15', '2026-05-30']) file.sawDate(date);
    expect(file.column({ line: 2, fields: ['Sep 4, 2026', 'Hourly'] }, 'type')).toBe('Hourly');
    expect(file.column({ line: 2, fields: ['Sep 4, 2026'] }, 'type')).toBe('');
    expect(file.column({ line: 2, fields: ['x', 'y'] }, 'balance')).toBe('');
    expect(file.finish()).toMatchObject({ earliest: '2026-01-15', latest: '2026-05-30' });
  });
});
