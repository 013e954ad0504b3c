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

  it('counts lines as an editor does: CRLF inside a quoted field, CRLF files and lone CRs are one line end', () => {
    const lines = (text: string) => csv(text).rows.map((r) => r.line);
    expect(lines('a,b\n"x\r\ny",1\nz,2\n"p\r\nq",3\nw,4\n')).toEqual([2, 4, 5, 7]);
    expect(lines('a,b\r\n"x\r\ny",1\r\n\r\nz,2\r\n')).toEqual([2, 5]);
    expect(lines('a,b\r"x\ry",1\rz,2\r')).toEqual([2, 4]);
    expect(lines('\uFEFFa,b\n"é\r\nü",1\nz,2')).toEqual([2, 4]);
  });

  it('locates an unclosed quote at the row it opens on', () => {
    try {
      csv('a,b\n1,2\n"x\r\ny\r\n,2\n3,4\n');
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.problems).toMatchObject([{ line: 3, code: 'malformed-row' }]);
    }
  });

  it('drops a byte-order mark and trims fields', () => {
    expect(csv('\uFEFFa , b\n 1 ,2\n')).toEqual({
      header: ['a', 'b'],
      rows: [{ line: 2, fields: ['1', '2'] }],
    });
  });

  it('refuses a row with more fields than the header, at the line it starts on, with both counts', () => {
    try {
      csv('a,b\n1,2\n"x\ny",2,3\n');
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.problems).toMatchObject([
        {
          file: 'export.csv',
          line: 3,
          code: 'malformed-row',
          message: 'malformed CSV row: the row has 3 fields but the header has 2',
        },
      ]);
    }
  });
});
