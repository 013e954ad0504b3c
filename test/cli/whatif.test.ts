import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { repoRoot, runBin, runCli } from '../helpers/run-cli.js';

const FORUM = 'test/fixtures/whatif/forum.yaml';
const CANCEL = 'test/fixtures/whatif/cancel-unhappy.yaml';
const NEW_JOB = 'test/fixtures/whatif/new-job.yaml';
const WEEKLY = 'examples/weekly-paid.yaml';
/** The forum fixture's cases turn on the private rating a client gave: the 2024 catalog's. */
const R24 = ['--rules', 'upwork-2024'];

interface Outcome {
  name: string;
  now: { jss: number | null; delta: number | null };
  horizon: { date: string; jss: number | null; delta: number | null };
}
interface Pending {
  id: string;
  scenarios: { name: string; outcomes: Outcome[] }[];
  recommendation: { scenario: string; why: string };
}

async function json(argv: string[]) {
  const r = await runCli([...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('jss whatif', () => {
  it('--json: the baseline and the --set alternative, one document', async () => {
    const doc = await json(['whatif', FORUM, ...R24, '--set', 'BP-3=client-cancels:unhappy']);
    reportSchemas.whatif[0].parse(doc);
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'whatif',
      asOf: '2026-11-26',
      at: '2026-11-26',
      rules: { name: 'upwork-2024', source: 'builtin' },
      baseline: { jss: 100, score: 100, window: '24m' },
      // BP-3 ($0, private 4) turns negative: 5.5 of 7.5 → 73.3
      alternatives: [
        { name: 'BP-3=client-cancels:unhappy', jss: 73, score: 73.333333333, window: '24m', delta: -27 },
      ],
    });
  });

  it('lists the --set alternative first, then each --changes file, named by name or file name', async () => {
    const doc = await json([
      'whatif',
      FORUM,
      ...R24,
      '--changes',
      NEW_JOB,
      '--changes',
      CANCEL,
      '--set',
      'BP-3=client-completes',
      '--at',
      '2027-01-01',
    ]);
    expect(doc.at).toBe('2027-01-01');
    expect(doc.alternatives.map((a: { name: string; jss: number }) => [a.name, a.jss])).toEqual([
      ['BP-3=client-completes:delighted', 100],
      ['one more job', 100],
      ['cancel-unhappy', 73],
    ]);
  });

  it('prints a table for people, and one line with -q', async () => {
    const r = await runCli(['whatif', FORUM, ...R24, '--changes', CANCEL, '--at', '2027-01-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'What-if on 2027-01-01 (history as of 2026-11-26) · upwork-2024 rules',
        '                   JSS    Δ  window  score',
        '  baseline        100%       24m       100',
        '  cancel-unhappy   73%  −27  24m     73.33',
        '',
      ].join('\n'),
    );
    const quiet = await runCli(['whatif', FORUM, ...R24, '--changes', CANCEL, '-q']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '73%\n', '']);
  });

  it.each([
    [FORUM, 'upwork-2024', 11, '2027-01-10'],
    [WEEKLY, 'upwork-2026', 15, '2027-01-10'],
    [WEEKLY, 'upwork-2024', 12, '2027-03-01'],
  ])(
    'gives the numbers of every scenario outcome of %s under %s in jss estimate, now and at the horizon (--at asOf + H)',
    async (history, rules, count, at) => {
      const horizon = String((Date.parse(at) - Date.parse('2026-11-26')) / 86_400_000);
      const dir = mkdtempSync(join(tmpdir(), 'jss-whatif-'));
      const estimate = await json([
        'estimate',
        join(repoRoot, history),
        '--rules',
        rules,
        '--horizon',
        horizon,
      ]);
      const [open] = estimate.pending as Pending[];
      const files: string[] = [];
      const expected: { now: Outcome['now']; horizon: Outcome['horizon'] }[] = [];
      for (const s of open.scenarios) {
        for (const o of s.outcomes) {
          const file = join(dir, `${s.name}--${o.name}.yaml`);
          writeFileSync(file, `set: [ { contract: ${open.id}, scenario: ${s.name}, outcome: ${o.name} } ]\n`);
          files.push('--changes', file);
          expected.push({ now: o.now, horizon: o.horizon });
        }
      }
      expect(expected).toHaveLength(count);
      const now = await json(['whatif', history, '--rules', rules, ...files]);
      // keep-working pays on up to the day scored, in whatif as in estimate
      const later = await json(['whatif', history, '--rules', rules, ...files, '--at', at]);
      const got = now.alternatives.map((a: { jss: number; delta: number }, i: number) => ({
        now: { jss: a.jss, delta: a.delta },
        horizon: { date: later.at, jss: later.alternatives[i].jss, delta: later.alternatives[i].delta },
      }));
      expect(got).toEqual(expected);
      expect(expected.some((e) => e.now.delta !== 0 || e.horizon.delta !== 0)).toBe(true);
    },
  );

  it('refuses a scenario whose when: does not hold for the contract (exit 2)', async () => {
    const r = await runCli(['whatif', FORUM, '--set', 'BP-3=keep-working']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--set BP-3=keep-working: scenario keep-working is not offered for BP-3: it needs idle: false, earnings: { min: 0.01 }\n' +
        '  hint: jss rules show upwork-2026 lists when each scenario applies\n',
    );
  });

  it('with several rule sets prints one report per rule set', async () => {
    const doc = await json([
      'whatif',
      FORUM,
      '--set',
      'BP-3=client-completes',
      '--rules',
      'upwork-2024,upwork-2015',
    ]);
    reportSchemas.whatif[1].parse(doc);
    expect(
      doc.reports.map((r: { rules: { name: string }; alternatives: { delta: number }[] }) => [
        r.rules.name,
        r.alternatives[0].delta,
      ]),
    ).toEqual([
      ['upwork-2024', 0],
      ['upwork-2015', 33], // the idle $0 contract counts negative under 2015 until it is completed
    ]);
  });

  it('--fail-under fails when an alternative falls below N', async () => {
    const r = await runCli(['whatif', FORUM, ...R24, '--changes', CANCEL, '--fail-under', '80']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('jss: cancel-unhappy: projected JSS 73% is below 80% (--fail-under 80)\n');
    expect((await runCli(['whatif', FORUM, ...R24, '--changes', CANCEL, '--fail-under', '70'])).code).toBe(0);
  });

  it('refuses an unknown contract, scenario or outcome, listing the valid ones (exit 2)', async () => {
    const r = await runCli(['whatif', FORUM, '--set', 'BP-4=client-cancels:unhapy']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        '--set BP-4=client-cancels:unhapy: no contract "BP-4" in the history',
        '  hint: did you mean "BP-3"? open contracts: BP-3',
        '--set BP-4=client-cancels:unhapy: scenario client-cancels has no outcome "unhapy" in rule set upwork-2026',
        '  hint: did you mean "unhappy"? outcomes of client-cancels: delighted, lukewarm, unhappy, silent',
        '',
      ].join('\n'),
    );
  });

  it('reports problems of a changes file in that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jss-whatif-'));
    writeFileSync(
      join(dir, 'late.yaml'),
      'change:\n  - { contract: BP-3, fields: { status: ended, end: 2027-03-01 } }\n',
    );
    const r = await runCli(
      ['whatif', join(repoRoot, FORUM), '--changes', 'late.yaml', '--at', '2027-02-01'],
      { cwd: dir },
    );
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'late.yaml:2:53: change[0].fields.end: end 2027-03-01 is after the day scored 2027-02-01\n' +
        '  hint: dates of an alternative may run up to the day scored: correct the date, or pass a later --at\n',
    );
  });

  it('refuses --at before the evaluation date, and stdin read twice', async () => {
    const early = await runCli(['whatif', FORUM, '--at', '2026-11-25']);
    expect([early.code, early.stdout]).toEqual([2, '']);
    expect(early.stderr).toMatch(/^--at 2026-11-25 is before the evaluation date 2026-11-26\n {2}hint: /);
    const twice = await runCli(['whatif', '-', '--changes', '-'], { stdin: 'contracts: []\n' });
    expect([twice.code, twice.stdout]).toEqual([2, '']);
    expect(twice.stderr).toMatch(/^standard input \('-'\) can be read only once/);
  });
});

describe('jss estimate: scenarios of the forum case', () => {
  it('recommends leaving BP-3 open under the default rules, and says why', async () => {
    const r = await runCli(['estimate', FORUM]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}\* {2}leave-open\s+stays-open\s+100%\s+0\s+100%\s+0$/m);
    // no longer needed cannot lower a $0 contract under upwork-2026: one row for all outcomes
    expect(r.stdout).toMatch(/^ {5}client-cancels\s+all outcomes\s+100%\s+0\s+100%\s+0$/m);
    expect(r.stdout).toMatch(/^ {5}client-unhappy\s+unhappy\s+73%\s+−27\s+73%\s+−27$/m);
    expect(r.stdout).toContain(
      '  * Recommended: leave-open. Leave it open or paused, no further payments: 100% on 2027-02-24',
    );
  });

  it('with upwork-2015 beside it, the consensus is not robust', async () => {
    const doc = await json(['estimate', FORUM, '--rules', 'upwork-2024,upwork-2015']);
    reportSchemas.estimate[1].parse(doc);
    expect(doc.reports.map((r: { pending: Pending[] }) => r.pending[0].recommendation.scenario)).toEqual([
      'leave-open',
      'client-completes',
    ]);
    expect(doc.consensus).toEqual([
      { id: 'BP-3', scenario: 'leave-open', robust: false, disagree: ['upwork-2015'] },
    ]);
  });
});

describe.skipIf(!existsSync(join(repoRoot, 'examples/forum-case.yaml')))('examples/forum-case.yaml', () => {
  it('default rules: leave it open; upwork-2015: have it completed; the two disagree', async () => {
    const doc = await json(['estimate', 'examples/forum-case.yaml', '--rules', 'upwork-2024,upwork-2015']);
    const [now, old] = doc.reports as { pending: Pending[] }[];
    const bp3 = now.pending.find((p) => p.id === 'BP-3') as Pending;
    const cancels = bp3.scenarios.find((s) => s.name === 'client-cancels') as Pending['scenarios'][number];
    const leave = bp3.scenarios.find((s) => s.name === 'leave-open') as Pending['scenarios'][number];
    expect(leave.outcomes.map((o) => [o.now.delta, o.horizon.delta])).toEqual([[0, 0]]);
    for (const o of cancels.outcomes) {
      if (o.name === 'unhappy') expect(o.horizon.delta).toBeLessThan(0);
      else expect(o.horizon.delta).toBe(0);
    }
    expect(bp3.recommendation.scenario).toBe('leave-open');
    expect(bp3.recommendation.why).toMatch(
      /^Leave it open or paused, no further payments: 100% on 2027-02-24 under upwork-2024 \(it turns idle on 2027-01-20\)/,
    );
    expect(old.pending.find((p) => p.id === 'BP-3')?.recommendation.scenario).toBe('client-completes');
    expect(doc.consensus).toContainEqual({
      id: 'BP-3',
      scenario: 'leave-open',
      robust: false,
      disagree: ['upwork-2015'],
    });
  });
});

describe('bin/jss.js whatif (end to end)', () => {
  it('--json writes exactly one JSON document to stdout, for | jq', async () => {
    const r = await runBin(['whatif', FORUM, ...R24, '--set', 'BP-3=client-cancels:unhappy', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      command: 'whatif',
      baseline: { jss: 100 },
      alternatives: [{ jss: 73, delta: -27 }],
    });
  });
});
