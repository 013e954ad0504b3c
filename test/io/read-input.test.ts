import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type Problem } from '../../src/errors.js';
import { readInput } from '../../src/io/read-input.js';
import { runCli } from '../helpers/run-cli.js';

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error.problems[0];
    throw error;
  }
  throw new Error('expected a UserError');
}

const dir = mkdtempSync(join(tmpdir(), 'jss-read-'));
const file = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const text = 'asOf: 2026-11-26\ncontracts: []\n';

describe('reading input', () => {
  it('enforces the 64 MiB limit while reading a device whose size says 0 (/dev/zero)', async () => {
    expect(await problemOf(readInput('/dev/zero'))).toMatchObject({
      file: '/dev/zero',
      code: 'too-large',
      message: 'larger than the 64 MiB limit for an input file',
    });
  });

  it('still reads a file whose size says 0 but which has content (/proc)', async () => {
    const source = await readInput('/proc/self/status');
    expect(source.text).toMatch(/^Name:/);
  });

  it('recognises UTF-16 and UTF-32 (with or without a byte order mark) and says how to save as UTF-8', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16 (little-endian)'],
      [Buffer.from(text, 'utf16le'), 'UTF-16 (little-endian)'],
      [Buffer.from(text, 'utf16le').swap16(), 'UTF-16 (big-endian)'],
      [
        Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a\0\0\0', 'latin1')]),
        'UTF-32 (little-endian)',
      ],
    ];
    for (const [bytes, what] of cases) {
      const p = await problemOf(readInput(file('wide.yaml', bytes)));
      expect(p.code).toBe('not-utf8');
      expect(p.message).toBe(`is ${what} text; jss reads UTF-8`);
      expect(p.hint).toContain('save it as UTF-8');
    }
  });

  it('a UTF-16 CSV is explained as such by import, and a binary CSV’s hint speaks of CSV, not YAML', async () => {
    const csv = file('t.csv', Buffer.from('Date,Ref ID\r\n', 'utf16le'));
    const r = await runCli(['import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is UTF-16 (little-endian) text; jss reads UTF-8');
    const binary = file('b.csv', Buffer.from([0x44, 0x61, 0x74, 0x65, 0x00, 0x01, 0x02, 0x03, 0x04]));
    const b = await runCli(['import', binary]);
    expect(b.stderr).toContain('is binary, not a text file');
    expect(b.stderr).toContain('hint: jss reads CSV text');
  });
});
