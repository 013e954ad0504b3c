import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const problemsOf = (stdout: string) =>
  (
    JSON.parse(stdout) as {
      error: { problems: { code: string; path: string | null; line: number | null }[] };
    }
  ).error.problems;

describe('numbers out of bounds', () => {
  it('money above 1e9 is refused where it is written (payments 1e308 + 1e308 no longer "sum" to 1e308)', async () => {
    const text = `asOf: 2026-11-26
contracts:
  - id: A
    client: x
    type: fixed
    status: ended
    start: 2026-01-01
    end: 2026-02-01
    earnings: 1e308
    payments: [ { date: 2026-01-05, amount: 1e308 }, { date: 2026-01-06, amount: 1e308 } ]
`;
    const r = await runCli(['validate', '-', '--json'], { stdin: text });
    expect(r.code).toBe(2);
    expect(problemsOf(r.stdout).map((p) => [p.line, p.path, p.code])).toEqual([
      [9, 'contracts[0].earnings', 'out-of-range'],
      [10, 'contracts[0].payments[0].amount', 'out-of-range'],
      [10, 'contracts[0].payments[1].amount', 'out-of-range'],
    ]);
    expect(r.stderr).toContain('1e+308 is more than USD 1,000,000,000, the most jss takes');
  });

  it('1,000,000,000 itself is fine', async () => {
    const text = `asOf: 2026-11-26
contracts:
  - { id: A, client: x, type: fixed, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 1000000000 }
`;
    expect((await runCli(['validate', '-'], { stdin: text })).code).toBe(0);
  });
});

describe('dates at the edges', () => {
  const history = (asOf: string, start = '9998-01-01') => `asOf: ${asOf}
contracts:
  - { id: A, client: a, type: fixed, status: ended, start: ${start}, end: ${start.slice(0, 8)}20, earnings: 100, feedback: { public: 5 } }
  - { id: B, client: b, type: fixed, status: ended, start: ${start}, end: ${start.slice(0, 8)}20, earnings: 100, feedback: { public: 5 } }
`;

  it('years outside 1900–9998 are refused with a clear, located message', async () => {
    for (const [asOf, start] of [
      ['9999-12-31', '9998-01-01'],
      ['2026-11-26', '0000-01-01'],
      ['2026-11-26', '1899-12-01'],
    ]) {
      const r = await runCli(['validate', '-', '--json'], { stdin: history(asOf, start) });
      expect(r.code).toBe(2);
      expect(problemsOf(r.stdout).map((p) => p.code)).toContain('date-out-of-range');
      expect(r.stderr).toMatch(/is outside the years jss handles, 1900–9998/);
      expect(r.stderr).not.toContain('--until');
    }
    const option = await runCli(['estimate', '-', '--as-of', '9999-01-01'], {
      stdin: history('2026-11-26', '2026-01-01'),
    });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('expected a date in the years 1900–9998');
  });

  it('on the last year, a forecast stops at 9999-12-31 and estimate names the window starts in four digits', async () => {
    const f = await runCli(['forecast', '-', '--json', '--step', 'month'], { stdin: history('9998-12-31') });
    expect(f.code).toBe(0);
    expect(JSON.parse(f.stdout).series.at(-1).date).toBe('9999-12-31');
    const e = await runCli(['estimate', '-', '--json', '--horizon', '365'], { stdin: history('9998-12-31') });
    expect(e.code).toBe(0);
    const old = await runCli(['estimate', '-', '--json'], { stdin: history('1900-12-31', '1900-01-01') });
    expect(old.code).toBe(0);
    for (const w of JSON.parse(old.stdout).windows)
      if (w.from !== null) expect(w.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a horizon past 9999-12-31 is refused, saying how far it may go', async () => {
    const r = await runCli(['estimate', '-', '--horizon', '400'], { stdin: history('9998-12-31') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--horizon 400: the horizon would fall after 9999-12-31\n  hint: from 9998-12-31, give at most --horizon 365\n',
    );
  });
});

describe('ids are text as written', () => {
  it('0x10 and 16 are two ids, not a duplicate (YAML and JSON); a plain number is kept as its digits', async () => {
    const yaml = `asOf: 2026-11-26
contracts:
  - { id: 0x10, client: a, type: fixed, status: active, start: 2026-01-01 }
  - { id: 16, client: a, type: fixed, status: active, start: 2026-01-01 }
  - id: +17
    client: b
    type: fixed
    status: active
    start: 2026-01-01
`;
    const r = await runCli(['estimate', '-', '--json'], { stdin: yaml });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).contracts.map((c: { id: string }) => c.id)).toEqual(['0x10', '16', '+17']);
    const json =
      '{"asOf":"2026-11-26","contracts":[{"id":16.0,"client":"a","type":"fixed","status":"active","start":"2026-01-01"},{"id":16,"client":"a","type":"fixed","status":"active","start":"2026-01-01"}]}';
    expect((await runCli(['validate', '-'], { stdin: json })).code).toBe(0);
    const same = yaml.replace('id: 0x10', 'id: 16');
    const dup = await runCli(['validate', '-', '--json'], { stdin: same });
    expect(problemsOf(dup.stdout).map((p) => p.code)).toEqual(['duplicate-id']);
  });
});
