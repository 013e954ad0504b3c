import { describe, expect, it } from 'vitest';
import { reportJsonSchema, reportSchemas } from '../../src/render/report-schema.js';
import { rulesJsonSchema } from '../../src/rules/schema.js';
import { runCli } from '../helpers/run-cli.js';
import { tempFiles } from '../rules/temp-files.js';

// Three contracts ended this autumn for three clients: a $1,000 success (weight 1.25), a $100
// neutral (private 7) and a $100 negative (private 2), each weight 1 unless a tier changes it.
const HISTORY = `asOf: 2026-11-26
contracts:
  - { id: S, client: a, type: fixed, status: ended, start: 2026-10-01, end: 2026-10-10, earnings: 1000,
      firstPayment: 2026-10-10, lastPayment: 2026-10-10, endReason: completed, feedback: { private: 10 } }
  - { id: M, client: b, type: fixed, status: ended, start: 2026-10-01, end: 2026-10-10, earnings: 100,
      firstPayment: 2026-10-10, lastPayment: 2026-10-10, endReason: completed, feedback: { private: 7 } }
  - { id: N, client: c, type: fixed, status: ended, start: 2026-10-01, end: 2026-10-10, earnings: 100,
      firstPayment: 2026-10-10, lastPayment: 2026-10-10, endReason: completed, feedback: { private: 2 } }
`;

async function scoreWith(
  rules: string,
): Promise<{ jss: number | null; score: number | null; window: string | null }> {
  const dir = tempFiles({ 'history.yaml': HISTORY, 'mine.yaml': rules });
  const r = await runCli(['estimate', 'history.yaml', '--rules', './mine.yaml', '--json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { jss, score, window } = JSON.parse(r.stdout);
  return { jss, score, window };
}

describe('a rule file that extends upwork-2024 and changes one key', () => {
  it('changes nothing when it changes nothing: (1.25 − 1) / 3.25 → 8%', async () => {
    expect(await scoreWith('extends: upwork-2024\n')).toEqual({ jss: 8, score: 7.692307692, window: '24m' });
  });

  it('formula: ratio counts successes only: 1.25 / 3.25 → 38%', async () => {
    expect(await scoreWith('extends: upwork-2024\nformula: ratio\n')).toMatchObject({
      jss: 38,
      score: 38.461538462,
    });
  });

  it('a tier: jobs over $250 weigh 3 → (3 − 1) / 5 → 40%', async () => {
    const rules = 'extends: upwork-2024\nweights:\n  tiers: [ { upTo: 250, weight: 1 }, { weight: 3 } ]\n';
    expect(await scoreWith(rules)).toMatchObject({ jss: 40, score: 40 });
  });

  it('eligibility: 4 outcomes needed → no JSS shown', async () => {
    const rules = 'extends: upwork-2024\neligibility: { minOutcomes: 4 }\n';
    expect(await scoreWith(rules)).toEqual({ jss: null, score: null, window: null });
  });

  it('a broken rule file is reported at its line and column, exit 2', async () => {
    const dir = tempFiles({ 'history.yaml': HISTORY, 'mine.yaml': 'extends: upwork-2024\nformula: nett\n' });
    const r = await runCli(['estimate', 'history.yaml', '--rules', './mine.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^\.\/mine\.yaml:2:10: formula: expected one of net \| ratio, got "nett"\n {2}hint: did you mean "net"\?/,
    );
  });
});

describe('jss schema rules and report', () => {
  it('print the JSON Schemas of rule files and of every --json document', async () => {
    const rules = await runCli(['schema', 'rules']);
    expect(rules.code).toBe(0);
    expect(JSON.parse(rules.stdout)).toEqual(JSON.parse(JSON.stringify(rulesJsonSchema())));
    const report = await runCli(['schema', 'report']);
    expect(report.code).toBe(0);
    const schema = JSON.parse(report.stdout);
    expect(schema).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
    const titles = JSON.stringify(schema);
    for (const command of ['estimate', 'whatif', 'forecast', 'plan'])
      expect(titles).toContain(`${command} (one rule set)`);
  });

  it('describe `jss rules --json`', async () => {
    const list = JSON.parse((await runCli(['rules', '--json'])).stdout);
    expect(reportSchemas.rules[0].parse(list).ruleSets.map((r) => r.name)).toEqual([
      'upwork-2026',
      'upwork-2024',
      'upwork-2020',
      'upwork-2015',
      'pessimistic',
    ]);
    expect(JSON.stringify(reportJsonSchema())).toContain('"const":"rules"');
  });
});
