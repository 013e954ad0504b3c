import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load-rules.js';
import { runCli } from '../helpers/run-cli.js';
import { tempFiles } from '../rules/temp-files.js';

describe('jss rules list', () => {
  it('lists the five built-ins, one each, the default marked', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'list']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^upwork-2026 \(default\) {2}Today's rules - upwork-2024's scoring/);
    // summaries wrap under themselves
    expect(lines.filter((l) => /^\S/.test(l)).map((l) => l.split(' ')[0])).toEqual([
      'upwork-2026',
      'upwork-2024',
      'upwork-2020',
      'upwork-2015',
      'pessimistic',
      'See',
    ]);
    expect(stdout).not.toMatch(/upwork-2020.*\(default\)/);
  });

  it('is the default action', async () => {
    expect((await runCli(['rules'])).stdout).toBe((await runCli(['rules', 'list'])).stdout);
  });

  it('--json prints one document', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'list', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const doc = JSON.parse(stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.command).toBe('rules');
    expect(doc.ruleSets.map((r: { name: string; default: boolean }) => [r.name, r.default])).toEqual([
      ['upwork-2026', true],
      ['upwork-2024', false],
      ['upwork-2020', false],
      ['upwork-2015', false],
      ['pessimistic', false],
    ]);
    for (const r of doc.ruleSets) expect(Object.keys(r)).toEqual(['name', 'summary', 'default']);
  });

  it('takes no name', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'list', 'upwork-2015']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'rules list: takes no name (got "upwork-2015")\n  hint: to see one: jss rules show upwork-2015\n',
    );
  });
});

describe('jss rules show', () => {
  it('shows a built-in: summary, sources, assumptions, windows, weights, eligibility, classify, scenarios', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'show', 'upwork-2024']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const headings = stdout.split('\n').filter((l) => /^[A-Z]/.test(l));
    expect(headings).toEqual([
      "Upwork's rules as published after its September 2024 reputation update.",
      'Sources',
      'Assumptions',
      'Windows',
      'Weights',
      'Shown when',
      'Classify (first match wins)',
      'Scenarios for open contracts',
    ]);
    expect(stdout.split('\n')[0]).toBe('upwork-2024 (built-in)');
    expect(stdout).toContain('  https://support.upwork.com/hc/en-us/articles/34958134307475\n');
    expect(stdout).toContain('  trending  average of 6m and 3m\n');
    expect(stdout).toContain('  more than $1,000          counts as 1.5\n');
    expect(stdout).toContain('  +1 for every 90 days of regular payments, at most 8 in all\n');
    expect(stdout).toContain('at least 2 outcomes from 2 different clients');
    expect(stdout).toMatch(
      /\n {2}zero-earnings-detractor {2}earnings ≤ \$0, private ≤ 6 +negative\n {27}Upwork moderator, c\. 2024/,
    );
    expect(stdout).toMatch(/\n {2}otherwise +\(always\) +neutral\n/);
    expect(stdout).toMatch(
      /\n {2}client-cancels {2}The client ends it as "no longer needed"\n.*\n {4}recommends {2}private 9\n/,
    );
    expect(stdout).toContain(
      '  keep-working  Keep working and invoicing as before\n' +
        '    offered when not idle, earnings ≥ $0.01\n' +
        '    payments continue at its own rhythm up to the day scored\n' +
        '    paid-as-before  feedback unchanged\n',
    );
  });

  it('shows the 2026 catalog: public stars or nothing, no private rating', async () => {
    const { stdout } = await runCli(['rules', 'show', 'upwork-2026']);
    const scenarios = stdout.slice(stdout.indexOf('Scenarios for open contracts'));
    expect(scenarios).not.toContain('private');
    expect(scenarios).toContain(
      '  client-cancels  The client ends it as "no longer needed"\n' +
        '    sets status: ended, endedBy: client, endReason: no-longer-needed\n' +
        '    delighted  5★\n    lukewarm   4★\n    unhappy    2★\n    silent     no feedback\n',
    );
    expect(scenarios).toContain('  client-unhappy  The client ends it, unhappy with the quality\n');
  });

  it('shows the default set when no name is given', async () => {
    expect((await runCli(['rules', 'show'])).stdout).toBe(
      (await runCli(['rules', 'show', 'upwork-2026'])).stdout,
    );
  });

  it('shows a rule file by path, relative to the working directory', async () => {
    const cwd = tempFiles({ 'my/strict.yaml': 'extends: pessimistic\nthresholds: [ 95 ]\n' });
    const { code, stdout, stderr } = await runCli(['rules', 'show', 'my/strict.yaml'], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe('strict (my/strict.yaml)');
    expect(stdout).toContain('thresholds: 95\n');
    expect(stdout).toMatch(/\n {2}private-passive +private 7–8 +negative\n/);
  });

  it('--json prints the resolved rule set, which loads back as a rule file', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'show', 'upwork-2015', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const expected = (await loadRuleSet('upwork-2015', { cwd: '/' })).ruleSet;
    expect(JSON.parse(stdout)).toEqual(expected);
    const cwd = tempFiles({ 'copy.json': stdout });
    expect((await loadRuleSet('copy.json', { cwd })).ruleSet).toEqual(expected);
  });

  it('an unknown name: exit 2, the built-ins listed, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'show', 'upwork-2025']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(
      'no built-in rule set is named "upwork-2025"\n  hint: did you mean "upwork-2026"? built-in: upwork-2026, upwork-2024, upwork-2020',
    );
  });

  it('a broken rule file: exit 2 with located problems', async () => {
    const cwd = tempFiles({ 'bad.yaml': 'extends: upwork-2024\nidle:\n  afterDay: 30\n' });
    const { code, stdout, stderr } = await runCli(['rules', 'show', 'bad.yaml'], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'bad.yaml:3:3: idle.afterDay: unknown key "afterDay"\n  hint: did you mean "afterDays"?\n',
    );
  });
});

describe('jss rules ACTION', () => {
  it('an unknown action: exit 2 with the valid ones', async () => {
    const { code, stdout, stderr } = await runCli(['rules', 'shwo']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'rules: unknown action "shwo"\n  hint: did you mean "show"? valid actions: list, show\n',
    );
  });

  it('a rule set name in place of the action points to show', async () => {
    const { code, stderr } = await runCli(['rules', 'pessimistic']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'rules: unknown action "pessimistic"\n  hint: to see a rule set: jss rules show pessimistic\n',
    );
  });
});
