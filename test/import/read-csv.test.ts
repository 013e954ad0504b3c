import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { readCsv } from '../../src/import/read-csv.js';

const csv = (text: string) => readCsv({ name: 'export.csv', text });

describe('readCsv', () => {
  it('numbers each row by the line it starts on, also after a quoted field that spans lines', () => {
    const rows = [
      { line: 2, fields: ['x\ny', '1'] },
      { line: 5, fields: ['z', '2'] },
      { line: 6, fields: ['p\nq\nr', '3'] },
    ];
    expect(csv('a,b\n"x\ny",1\n\nz,2\n"p\nq\nr",3\n')).toEqual({ header: ['a', 'b'], rows });
  });

  it('drops a byte-order mark and trims fields', () => {
    expect(csv('\uFEFFa , b\n 1 ,2\n')).toEqual({
      header: ['a', 'b'],
      rows: [{ line: 2, fields: ['1', '2'] }],
    });
  });

  it('refuses a row with more fields than the header, at its line, with both counts', () => {
    try {
      csv('a,b\n1,2\n"x\ny",2,3\n');
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.problems).toMatchObject([
        {
          file: 'export.csv',
          line: 4,
          code: 'malformed-row',
          message: 'malformed CSV row: the row has 3 fields but the header has 2',
        },
      ]);
    }
  });
});
