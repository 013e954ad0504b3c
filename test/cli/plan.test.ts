import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { runBin, runCli } from '../helpers/run-cli.js';

const SLOW = 'test/fixtures/forecast/slow-recovery.yaml';
const FORGIVEN = 'test/fixtures/forecast/forgiven.yaml';

async function json(argv: string[]) {
  const r = await runCli([...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('jss plan', () => {
  it('--json: time alone on the day N ages out; two new jobs lift the 6m window today (DESIGN §6)', async () => {
    const doc = await json(['plan', SLOW, '--target', '90']);
    reportSchemas.plan[0].parse(doc);
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'plan',
      asOf: '2026-11-26',
      rules: { name: 'upwork-2026', source: 'builtin' },
      target: 90,
      now: { jss: 69, holdsUntil: null },
      byTimeAlone: '2027-05-02',
      byTimeAloneHoldsUntil: '2027-06-01',
      jobsNeeded: 2,
      afterJobs: { jss: 100, window: '6m', holdsUntil: '2027-11-26' },
    });
  });

  it('answers in a few lines and explains why in two sentences', async () => {
    const r = await runCli(['plan', SLOW, '--target', '90']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        // the answer in one sentence, each part with how long it lasts (DESIGN §6)
        'Target 90%: not now (69%); by time alone on 2027-05-02, until 2027-06-01; or 2 new jobs now (100%),',
        '  until 2027-11-26',
        '(upwork-2026 rules · as of 2026-11-26)',
        '  by time alone  2027-05-02 (in 157 days), until 2027-06-01',
        '  with new jobs  2 new $500 jobs today → 100% (6m window), until 2027-11-26',
        'With 2 new jobs, each for a new client (fixed-price, $500, ended today as completed with 5★ and a',
        'private 10), the 6m window would make your JSS 100%. Left as it is, it first reaches 90% on',
        '2027-05-02, when N leaves the 24m window.',
        '',
      ].join('\n'),
    });
  });

  it('-q prints the one-line answer', async () => {
    expect(await runCli(['plan', SLOW, '--target', '90', '-q'])).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'target 90%: not now (69%); by time alone on 2027-05-02, until 2027-06-01; or 2 new jobs now (100%), until 2027-11-26\n',
    });
    expect((await runCli(['plan', SLOW, '--target', '91', '-q'])).stdout).toBe(
      'target 91%: not now (69%); not by time alone within 24 months; or 2 new jobs now (100%), until 2027-11-26\n',
    );
    // a target reached now is only worth as long as it lasts
    expect((await runCli(['plan', SLOW, '--target', '60', '-q'])).stdout).toBe(
      'target 60%: 69% now, until 2027-11-01\n',
    );
  });

  it('a target reached already: the evaluation date and no jobs', async () => {
    const doc = await json(['plan', SLOW, '--target', '69']);
    expect(doc).toMatchObject({
      now: { jss: 69, holdsUntil: '2027-10-01' },
      byTimeAlone: '2026-11-26',
      byTimeAloneHoldsUntil: '2027-10-01',
      jobsNeeded: 0,
      afterJobs: { jss: 69, window: '24m', holdsUntil: '2027-10-01' },
    });
    const r = await runCli(['plan', SLOW, '--target', '69']);
    expect(r.stdout).toBe(
      'Target 69%: 69% now, until 2027-10-01\n(24m window · upwork-2026 rules · as of 2026-11-26)\nYour JSS of 69% reaches 69% and stays there until 2027-10-01 if nothing else happens.\n',
    );
  });

  it('--job-earnings sets what each new job pays (and so its weight)', async () => {
    // $100 jobs weigh 1: one lifts 24m to (9 + 1 − 1.25) / 12.25 = 71.4%, so 72 needs two
    // (6m eligible at 100%); $500 jobs weigh 1.25: one gives 72% already.
    expect((await json(['plan', SLOW, '--target', '72', '--job-earnings', '100'])).jobsNeeded).toBe(2);
    expect((await json(['plan', SLOW, '--target', '72'])).jobsNeeded).toBe(1);
    const r = await runCli(['plan', SLOW, '--target', '72', '--job-earnings', '100']);
    expect(r.stdout).toContain('  with new jobs  2 new $100 jobs today → 100% (6m window)');
  });

  it('--changes plans from an alternative future', async () => {
    // N's client recommends after all: 24m is (9 + 1.25) / 11.25 = 91%.
    const doc = await json(['plan', SLOW, '--target', '90', '--changes', FORGIVEN]);
    expect(doc).toMatchObject({ now: { jss: 91 }, byTimeAlone: '2026-11-26', jobsNeeded: 0 });
    const r = await runCli(['plan', SLOW, '--target', '90', '--changes', FORGIVEN]);
    expect(r.stdout.split('\n')[1]).toContain('with the changes of forgiven');
  });

  it('several rule sets: one JSON document with reports', async () => {
    const doc = await json(['plan', SLOW, '--target', '90', '--rules', 'upwork-2024,upwork-2015']);
    reportSchemas.plan[1].parse(doc);
    expect(doc.reports.map((r: { rules: { name: string } }) => r.rules.name)).toEqual([
      'upwork-2024',
      'upwork-2015',
    ]);
    const quiet = await runCli(['plan', SLOW, '--target', '90', '--rules', 'upwork-2024,upwork-2015', '-q']);
    expect(quiet.stdout.split('\n')[0]).toBe(
      'upwork-2024: target 90%: not now (69%); by time alone on 2027-05-02, until 2027-06-01; or 2 new jobs now (100%), until 2027-11-26',
    );
  });

  it('needs --target, from 0 to 100', async () => {
    const missing = await runCli(['plan', SLOW]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain("required option '--target <n>' not specified");
    const big = await runCli(['plan', SLOW, '--target', '101']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('--target must be a percentage from 0 to 100');
  });

  it('runs as a program (built bin)', async () => {
    const r = await runBin(['plan', SLOW, '--target', '90', '-q']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'target 90%: not now (69%); by time alone on 2027-05-02, until 2027-06-01; or 2 new jobs now (100%), until 2027-11-26\n',
    });
  });
});
