import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { repoRoot, runBin, runCli } from '../helpers/run-cli.js';

const DROP = 'examples/why-did-it-drop.yaml';
const RULES = ['--rules', 'upwork-2024'];

async function json(argv: string[]) {
  const r = await runCli([...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const success = (rule: string) => ({ rule, outcome: 'success' });
const LEARNED = {
  possible: [success('private-promoter'), success('public-high')],
  ruledOut: [
    { rule: 'private-passive', outcome: 'neutral' },
    { rule: 'private-detractor', outcome: 'negative' },
  ],
  unresolved: [],
};

describe('jss infer: why did my score drop?', () => {
  it('--json: only a private rating of 6 or less for BLOOM-2 explains the drop from 100% to 74% (DESIGN §8)', async () => {
    const doc = await json(['infer', DROP, ...RULES]);
    reportSchemas.infer[0].parse(doc);
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'infer',
      asOf: '2026-11-26',
      rules: { name: 'upwork-2024', source: 'builtin' },
      fits: true,
      complete: true,
      observations: [
        { date: '2026-10-15', jss: 100, model: 100, range: { min: 0, max: 100 } },
        { date: '2026-11-14', jss: 74, model: 100, range: { min: 0, max: 100 } },
      ],
      hidden: [
        ...[
          ['ACME-1', 'Acme Analytics', '2025-03-28'],
          ['NOVA-1', 'Nova Health', '2025-05-30'],
          ['PIX-1', 'Pixelworks', '2025-08-15'],
          ['KITE-1', 'Kite Travel', '2025-12-19'],
          ['ORCA-1', 'Orca Logistics', '2026-04-10'],
          ['LUMA-1', 'Luma Studio', '2026-07-31'],
        ].map(([contract, client, end]) => ({ contract, client, end, ...LEARNED })),
        {
          contract: 'BLOOM-2',
          client: 'Bloom Foods',
          end: '2026-10-28',
          possible: [{ rule: 'private-detractor', outcome: 'negative' }],
          ruledOut: [
            success('private-promoter'),
            { rule: 'private-passive', outcome: 'neutral' },
            success('public-high'),
          ],
          unresolved: [],
        },
      ],
      explanations: { changes: 1, readings: [[{ contract: 'BLOOM-2', outcome: 'negative' }]], more: 0 },
      now: { min: 74, max: 74 },
      between: [
        {
          from: '2026-10-15',
          to: '2026-11-14',
          events: [
            ...['24m', '12m', '6m', '3m'].map((window) => ({
              date: '2026-10-28',
              contract: 'BLOOM-2',
              window,
              what: 'enters',
            })),
            { date: '2026-11-01', contract: 'LUMA-1', window: '3m', what: 'leaves' },
          ],
        },
      ],
    });
  });

  it('leads with the answer in words, then what was learned, the simplest explanation and what happened', async () => {
    const r = await runCli(['infer', DROP, ...RULES]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(repoRoot, 'test/fixtures/infer/why-did-it-drop.txt'), 'utf8'));
    // The words, unwrapped (the fixture holds them wrapped at the default 100 columns).
    const wide = await runCli(['infer', DROP, ...RULES], { env: { COLUMNS: '200' } });
    expect(wide.stdout.split('\n').slice(0, 2)).toEqual([
      'Your 2 observed scores fit upwork-2024. They reveal that BLOOM-2 was negative: a private rating of 6 or less. They also narrow down 6 more hidden contracts (below).',
      'Your JSS now: 74%.',
    ]);
    expect(r.stdout).toContain('  - BLOOM-2 negative\n');
    expect(r.stdout).toContain('    2026-10-28  BLOOM-2 enters 24m, 12m, 6m, 3m\n');
  });

  it('a neutral BLOOM-2 (a private 7 or 8) would have shown 87%; the pessimistic set reads 7–8 as negative too', async () => {
    const neutral = await json(['infer', DROP, ...RULES, '--observed', '2026-11-14=87']);
    expect(neutral.hidden[6].possible).toEqual([{ rule: 'private-passive', outcome: 'neutral' }]);
    const r = await runCli(['infer', DROP, '--rules', 'pessimistic'], { env: { COLUMNS: '200' } });
    expect(r.stdout.split('\n')[0]).toBe(
      'Your 2 observed scores fit pessimistic. They reveal that BLOOM-2 was negative: a private rating of 6 or less, or a private rating of 7 to 8. They also narrow down 6 more hidden contracts (below).',
    );
  });

  it('nothing fits: says so, names the observations out of reach and suggests comparing rule sets', async () => {
    const r = await runCli(
      ['infer', DROP, ...RULES, '--observed', '2025-01-10=95', '--observed', '2026-11-14=89'],
      { env: { COLUMNS: '200' } },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      'Your 3 observed scores do not fit upwork-2024: no reading of the hidden facts gives them all.',
      '',
      'Out of reach: on 2025-01-10 you saw 95%, but no reading shows a score that day.',
      'The history may lack something (a contract, a payment, a date), or the rules differ: compare rule sets with',
      `  jss infer ${DROP} --rules upwork-2024,upwork-2020,pessimistic`,
      '',
      '7 hidden contracts: nothing can be learned while the scores do not fit.',
    ]);
    const doc = await json(['infer', DROP, ...RULES, '--observed', '2026-11-14=89']);
    expect(doc.fits).toBe(false);
    expect(doc.explanations).toBeNull();
    expect(doc.now).toBeNull();
    // when nothing fits, every verdict is possible
    expect(doc.hidden[6].possible).toHaveLength(4);
    expect(doc.hidden[6].ruledOut).toEqual([]);
    expect(
      (await runCli(['infer', DROP, ...RULES, '--observed', '2026-11-14=89'], { env: { COLUMNS: '200' } }))
        .stdout,
    ).toContain(
      'Each score lies between the lowest and highest its day allows, but no reading gives them all exactly.',
    );
  });

  it('--observed wins over the file on the same date; DATE=none is "no score shown"', async () => {
    const doc = await json(['infer', DROP, ...RULES, '--observed', '2026-11-14=none']);
    expect(doc.observations[1]).toEqual({
      date: '2026-11-14',
      jss: null,
      model: 100,
      range: { min: 0, max: 100 },
    });
    expect(doc.fits).toBe(false);
  });

  it('several rule sets: reports and fits per set', async () => {
    const doc = await json(['infer', DROP, '--rules', 'upwork-2024,upwork-2015']);
    reportSchemas.infer[1].parse(doc);
    expect(doc.command).toBe('infer');
    expect(doc.reports.map((r: { rules: { name: string } }) => r.rules.name)).toEqual([
      'upwork-2024',
      'upwork-2015',
    ]);
    expect(doc.fits).toEqual({ 'upwork-2024': true, 'upwork-2015': false });
    const r = await runCli(['infer', DROP, '--rules', 'upwork-2024,upwork-2015']);
    expect(r.stdout.split('\n')[0]).toBe('Your observed scores fit upwork-2024; not upwork-2015.');
  });

  it('-q prints only the answer', async () => {
    expect(await runCli(['infer', DROP, ...RULES, '-q'])).toEqual({
      code: 0,
      stderr: '',
      stdout: 'fits, now 74%\n',
    });
    expect((await runCli(['infer', DROP, ...RULES, '-q', '--observed', '2026-11-14=89'])).stdout).toBe(
      'does not fit\n',
    );
  });

  it('no observations: says how to add them, exit 2', async () => {
    const r = await runCli(['infer', 'examples/forum-case.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no observed scores');
    expect(r.stderr).toContain('--observed 2026-10-15=92');
    expect(r.stderr).toContain('observed: [ { date: 2026-10-15, jss: 92 } ]');
    const doc = await runCli(['infer', 'examples/forum-case.yaml', '--json']);
    expect(doc.code).toBe(2);
    expect(JSON.parse(doc.stdout).error.problems).toMatchObject([
      { file: 'examples/forum-case.yaml', code: 'no-observations', line: null, path: null },
    ]);
    const later = await runCli(['infer', DROP, '--as-of', '2026-10-01']);
    expect(later.code).toBe(2);
    expect(later.stderr).toContain(
      'no observed score on or before the evaluation date 2026-10-01 (2 later ones are ignored)',
    );
  });

  it('a bad --observed is bad usage, exit 2', async () => {
    const r = await runCli(['infer', DROP, '--observed', '2026-11-14=101']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--observed 2026-11-14=101');
  });

  it('--as-of: observations after the evaluation date are ignored, and contracts that ended later are not hidden', async () => {
    const doc = await json(['infer', DROP, ...RULES, '--as-of', '2026-10-20']);
    expect(doc.asOf).toBe('2026-10-20');
    expect(doc.observations.map((o: { date: string }) => o.date)).toEqual(['2026-10-15']);
    expect(doc.hidden.map((h: { contract: string }) => h.contract)).not.toContain('BLOOM-2');
    expect(doc.between).toEqual([]);
  });

  it('the built binary answers the same (e2e)', async () => {
    const r = await runBin(['infer', DROP, ...RULES], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(repoRoot, 'test/fixtures/infer/why-did-it-drop.txt'), 'utf8'));
  });
});
