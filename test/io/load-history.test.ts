import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, UserError } from '../../src/errors.js';
import { loadHistory } from '../../src/io/load-history.js';

const dir = mkdtempSync(join(tmpdir(), 'jss-load-'));
const TODAY = '2026-11-26';

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** The formatted problems of a load that must fail. */
async function failure(path: string, options: { asOf?: string; stdin?: string } = {}): Promise<string[]> {
  try {
    await loadHistory(path, { cwd: dir, today: TODAY, ...options });
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the load to fail');
}

/** `FILE:LINE:COL: PATH: code` of each problem of a load that must fail. */
async function failureCodes(path: string, options: { asOf?: string } = {}): Promise<string[]> {
  try {
    await loadHistory(path, { cwd: dir, today: TODAY, ...options });
  } catch (error) {
    if (error instanceof UserError)
      return error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.path}: ${p.code}`);
    throw error;
  }
  throw new Error('expected the load to fail');
}

const CONTRACT = `  - id: a1
    client: acme
    type: fixed
    status: active
    start: 2026-03-01
`;

describe('loadHistory', () => {
  it('reads a YAML file relative to cwd and applies defaults', async () => {
    const file = write('ok.yaml', `asOf: 2026-06-01\ncontracts:\n${CONTRACT}`);
    const loaded = await loadHistory(file, { cwd: dir, today: TODAY });
    expect(loaded.source.name).toBe('ok.yaml');
    expect(loaded.asOf).toBe('2026-06-01');
    expect(loaded.history.contracts[0]).toMatchObject({ id: 'a1', earnings: 0, dispute: 'none' });
    expect(loaded.document.locate(['contracts', 0, 'start'])).toEqual({ line: 7, col: 12 });
  });

  it('takes the evaluation date from options.asOf, then the file, then today; the history date from the file, then today', async () => {
    const withAsOf = write('as-of.yaml', `asOf: 2026-06-01\ncontracts: []\n`);
    const without = write('no-as-of.yaml', 'contracts: []\n');
    const evaluated = await loadHistory(withAsOf, { cwd: dir, today: TODAY, asOf: '2026-07-01' });
    expect([evaluated.asOf, evaluated.date]).toEqual(['2026-07-01', '2026-06-01']);
    const dated = await loadHistory(withAsOf, { cwd: dir, today: TODAY });
    expect([dated.asOf, dated.date]).toEqual(['2026-06-01', '2026-06-01']);
    const today = await loadHistory(without, { cwd: dir, today: TODAY });
    expect([today.asOf, today.date]).toEqual([TODAY, TODAY]);
  });

  it("checks dates against the history's date, whatever the evaluation date", async () => {
    const file = write('early.yaml', `asOf: 2026-02-28\ncontracts:\n${CONTRACT}`);
    expect(await failure(file, { asOf: '2026-12-01' })).toEqual([
      "early.yaml:7:12: contracts[0].start: start 2026-03-01 is after the history's date 2026-02-28\n" +
        "  hint: correct the date, or move the history's date later (asOf in the file; without asOf it is today)",
    ]);
    const undated = write('undated.yaml', `contracts:\n${CONTRACT}`);
    expect((await loadHistory(undated, { cwd: dir, today: TODAY, asOf: '2026-02-01' })).asOf).toBe(
      '2026-02-01',
    );
    const old = { cwd: dir, today: '2026-02-28' };
    await expect(loadHistory(undated, old)).rejects.toThrow(
      "contracts[0].start: start 2026-03-01 is after the history's date 2026-02-28 (today: the file has no asOf)",
    );
  });

  it('reads standard input for "-"', async () => {
    const loaded = await loadHistory('-', {
      stdin: `{"contracts": [{"id": 5, "client": "x", "type": "hourly", "status": "paused", "start": "2026-01-01"}]}`,
      today: TODAY,
    });
    expect(loaded.source.name).toBe('<stdin>');
    expect(loaded.history.contracts[0].id).toBe('5');
  });

  it('locates problems in JSON by line and column', async () => {
    const file = write(
      'bad.json',
      '{\n  "contracts": [\n    {"id": "a", "client": "b", "type": "fixed", "status": "ended",\n     "start": "2026-01-05", "end": "2026-01-04"}\n  ]\n}\n',
    );
    expect(await failure(file)).toEqual([
      'bad.json:4:36: contracts[0].end: end 2026-01-04 is before start 2026-01-05\n  hint: swap or correct the dates',
    ]);
  });

  it('reports shape problems and checks across fields in one run, in file order', async () => {
    const file = write(
      'several.yaml',
      `contracts:
  - id: a1
    client: acme
    type: fixed
    status: ended
    start: 2026-03-01
    end: 2026-02-01
    endReson: completed
  - id: a2
    client: acme
    type: fixd
    status: active
    start: 2026-03-01
  - id: a1
    client: acme
    type: hourly
    status: active
    start: 2026-03-01
    earnings: 10
    refunded: 20
`,
    );
    expect(await failureCodes(file)).toEqual([
      'several.yaml:7:10: contracts[0].end: end-before-start',
      'several.yaml:8:5: contracts[0].endReson: unknown-key',
      'several.yaml:11:11: contracts[1].type: invalid-value',
      'several.yaml:14:9: contracts[2].id: duplicate-id',
      'several.yaml:20:15: contracts[2].refunded: refunded-over-earnings',
    ]);
    const messages = await failure(file);
    expect(messages[1]).toBe(
      'several.yaml:8:5: contracts[0].endReson: unknown key "endReson"\n  hint: did you mean "endReason"?',
    );
    expect(messages[2]).toContain('hint: did you mean "fixed"?');
  });

  it('does not invent problems from a field that failed its own check', async () => {
    const file = write(
      'bad-end.yaml',
      `contracts:\n  - {id: a, client: b, type: fixed, status: ended, start: 2026-01-01, end: 2026-02-30, earnings: -5, refunded: 3}\n`,
    );
    expect(await failureCodes(file)).toEqual([
      'bad-end.yaml:2:76: contracts[0].end: invalid-date',
      'bad-end.yaml:2:98: contracts[0].earnings: out-of-range',
    ]);
  });

  it('names a missing file without a position', async () => {
    expect(await failure('nope.yaml')).toEqual([
      'nope.yaml: no such file\n  hint: name your history file, or run `jss init` to write a commented example to start from',
    ]);
  });
});
