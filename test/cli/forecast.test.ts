import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { runBin, runCli } from '../helpers/run-cli.js';

const AGING = 'test/fixtures/forecast/aging-out.yaml';
const LATE = 'test/fixtures/forecast/late-negative.yaml';

async function json(argv: string[]) {
  const r = await runCli([...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
const ANSI = /\u001b\[/;

describe('jss forecast', () => {
  it('--json: weekly points for 24 months, exact crossings and events (DESIGN §6)', async () => {
    const doc = await json(['forecast', AGING]);
    reportSchemas.forecast[0].parse(doc);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.command).toBe('forecast');
    expect(doc.asOf).toBe('2026-11-26');
    expect(doc.rules).toEqual({ name: 'upwork-2026', source: 'builtin' });
    expect(doc.series).toHaveLength(106);
    expect(doc.series[0]).toEqual({ date: '2026-11-26', jss: 50, score: 50, window: '24m' });
    expect(doc.series[1].date).toBe('2026-12-03');
    expect(doc.series.at(-1)).toEqual({ date: '2028-11-26', jss: null, score: null, window: null });
    expect(
      doc.crossings.map((c: { date: string; threshold: number | null; direction: string }) => [
        c.date,
        c.threshold,
        c.direction,
      ]),
    ).toEqual([
      ['2027-03-11', 90, 'up'],
      ['2027-03-11', 80, 'up'],
      ['2027-03-11', 75, 'up'],
      ['2027-03-11', 70, 'up'],
      ['2027-06-02', null, 'down'],
      ['2027-06-02', 90, 'down'],
      ['2027-06-02', 80, 'down'],
      ['2027-06-02', 75, 'down'],
      ['2027-06-02', 70, 'down'],
    ]);
    expect(doc.events).toEqual([
      { date: '2027-01-06', contract: 'S1', window: '24m', what: 'leaves' },
      { date: '2027-03-11', contract: 'N', window: '24m', what: 'leaves' },
      { date: '2027-06-02', contract: 'S2', window: '24m', what: 'leaves' },
      { date: '2027-08-02', contract: 'S3', window: '24m', what: 'leaves' },
    ]);
  });

  it('--step month --until: month steps from the evaluation date, --until the last point', async () => {
    const doc = await json(['forecast', AGING, '--step', 'month', '--until', '2027-04-10']);
    expect(doc.series.map((p: { date: string; jss: number | null }) => [p.date, p.jss])).toEqual([
      ['2026-11-26', 50],
      ['2026-12-26', 50],
      ['2027-01-26', 33],
      ['2027-02-26', 33],
      ['2027-03-26', 100],
      ['2027-04-10', 100],
    ]);
    expect(doc.events.map((e: { date: string }) => e.date)).toEqual(['2027-01-06', '2027-03-11']);
  });

  it('draws a chart within 80 columns, then the crossings and what moves the JSS, in words', async () => {
    const r = await runCli(['forecast', AGING], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('JSS forecast: 50% now, not shown on 2028-11-26  (upwork-2026 rules)');
    for (const line of lines.slice(0, lines.indexOf('Crossings')))
      expect([...line].length).toBeLessThanOrEqual(80);
    const dots = (n: number) => '┈'.repeat(n);
    // 106 weekly points sampled into 65 columns: 50% for six weeks, 33% (drawn at 30) until
    // 2027-03-11, 100% until 2027-06-02, then no score (a gap).
    expect(lines.slice(3, 15)).toEqual([
      '  JSS',
      ' 100% ┤        ╭────────',
      `  90% ┼${dots(8)}│${dots(56)} 90%`,
      `  80% ┼${dots(8)}│${dots(56)} 80/75%`,
      `  70% ┼${dots(8)}│${dots(56)} 70%`,
      '  60% ┤        │',
      '  50% ┤───╮    │',
      '  40% ┤   │    │',
      '  30% ┤   ╰────╯',
      `      └${'─'.repeat(65)}`,
      `       2026-11-26${' '.repeat(45)}2028-11-26`,
      '',
    ]);
    expect(r.stdout).toContain(
      [
        'Crossings',
        '  2027-03-11  reaches 70%, 75%, 80% and 90%',
        '  2027-06-02  score disappears, falls below 90%, 80%, 75% and 70%',
        '',
        'What moves the JSS',
        '  2027-01-06  50% → 33%         S1 leaves the 24m window',
        '  2027-03-11  33% → 100%        N leaves the 24m window',
        '  2027-06-02  100% → not shown  S2 leaves the 24m window',
        '  … 1 other event leaves the JSS as it is (--json has them all)',
        '',
      ].join('\n'),
    );
  });

  it('-q prints only the crossings, one per line', async () => {
    const r = await runCli(['forecast', AGING, '-q', '--until', '2027-06-02']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '2027-03-11 reaches 90%',
        '2027-03-11 reaches 80%',
        '2027-03-11 reaches 75%',
        '2027-03-11 reaches 70%',
        '2027-06-02 score disappears',
        '2027-06-02 falls below 90%',
        '2027-06-02 falls below 80%',
        '2027-06-02 falls below 75%',
        '2027-06-02 falls below 70%',
        '',
      ].join('\n'),
    });
  });

  it('--changes forecasts an alternative future, whose dates may run up to --until', async () => {
    const doc = await json(['forecast', AGING, '--changes', LATE]);
    expect(doc.events.slice(0, 5)).toEqual([
      { date: '2027-01-06', contract: 'S1', window: '24m', what: 'leaves' },
      { date: '2027-02-01', contract: 'L', window: '24m', what: 'enters' },
      { date: '2027-02-01', contract: 'L', window: '12m', what: 'enters' },
      { date: '2027-02-01', contract: 'L', window: '6m', what: 'enters' },
      { date: '2027-02-01', contract: 'L', window: '3m', what: 'enters' },
    ]);
    // L (negative, 1.25) beside S1..S3 and N: the JSS falls to 0 and never reaches 70 again.
    expect(doc.crossings).toEqual([{ threshold: null, date: '2027-08-02', direction: 'down' }]);

    const text = await runCli(['forecast', AGING, '--changes', LATE]);
    expect(text.stdout.split('\n')[2]).toBe('with the changes of late-negative');

    const early = await runCli(['forecast', AGING, '--changes', LATE, '--until', '2027-01-31']);
    expect(early.code).toBe(2);
    expect(early.stdout).toBe('');
    expect(early.stderr).toMatch(/late-negative\.yaml:\d+:\d+: add\[0\]\.end: .*2027-02-01/);
    expect(early.stderr).toContain('correct the date, or pass a later --until');
  });

  it('several rule sets: one JSON document with reports, one text block each', async () => {
    const doc = await json(['forecast', AGING, '--rules', 'upwork-2024,upwork-2015', '--step', 'month']);
    reportSchemas.forecast[1].parse(doc);
    expect(doc.command).toBe('forecast');
    expect(doc.reports.map((r: { rules: { name: string } }) => r.rules.name)).toEqual([
      'upwork-2024',
      'upwork-2015',
    ]);
    const text = await runCli(['forecast', AGING, '--rules', 'upwork-2024,upwork-2015']);
    expect(text.stdout.match(/^JSS forecast: .*\((upwork-\d+) rules\)$/gm)).toHaveLength(2);
    const quiet = await runCli(['forecast', AGING, '--rules', 'upwork-2024,upwork-2015', '-q']);
    expect(quiet.stdout.split('\n')[0]).toBe('upwork-2024: 2027-03-11 reaches 90%');
  });

  it('colours only on a terminal, never with NO_COLOR or --no-color', async () => {
    expect((await runCli(['forecast', AGING], { isTTY: true })).stdout).toMatch(ANSI);
    expect((await runCli(['forecast', AGING], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(
      ANSI,
    );
    expect((await runCli(['forecast', AGING, '--no-color'], { isTTY: true })).stdout).not.toMatch(ANSI);
  });

  it('says so when no score is shown on any day', async () => {
    const r = await runCli(['forecast', AGING, '--as-of', '2028-01-01', '--step', 'month']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No score is shown on any day from 2028-01-01 to 2030-01-01.');
    expect(r.stdout).toContain(
      '  none: the JSS crosses no threshold (90%, 80%, 75%, 70%) and does not appear or disappear',
    );
  });

  it('refuses an --until before the evaluation date, and a bad --step', async () => {
    const r = await runCli(['forecast', AGING, '--until', '2026-11-25']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--until 2026-11-25 is before the evaluation date 2026-11-26\n {2}hint: /);
    const step = await runCli(['forecast', AGING, '--step', 'year']);
    expect(step.code).toBe(2);
    expect(step.stderr).toContain("argument 'year' is invalid");
  });

  it('runs as a program (built bin)', async () => {
    const r = await runBin(['forecast', AGING, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(10);
  });
});
