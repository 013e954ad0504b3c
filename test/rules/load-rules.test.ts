import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { builtinRuleSetNames, loadRuleSet, loadRuleSets } from '../../src/rules/load-rules.js';
import { tempFiles, userErrorOf } from './temp-files.js';

/** Loads `text` as rules.yaml (extending upwork-2024 unless it says otherwise) and returns the error. */
async function errorFor(text: string): Promise<string> {
  const cwd = tempFiles({ 'rules.yaml': text });
  return userErrorOf(loadRuleSet('rules.yaml', { cwd }));
}

/** `FILE:LINE:COL: PATH: code` of each problem of rules.yaml. */
async function locatedCodes(text: string): Promise<string[]> {
  const cwd = tempFiles({ 'rules.yaml': text });
  try {
    await loadRuleSet('rules.yaml', { cwd });
  } catch (error) {
    if (isUserError(error))
      return error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.path}: ${p.code}`);
    throw error;
  }
  throw new Error('expected a UserError, but it loaded');
}

describe('constraints, each reported at its line with its code', () => {
  it.each([
    [
      'a tier weight of 0',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { upTo: 100, weight: 0 }\n    - { weight: 1 }\n',
      'rules.yaml:4:28: weights.tiers[0].weight: out-of-range',
    ],
    [
      'tier upTo not increasing',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { upTo: 500, weight: 1 }\n    - { upTo: 500, weight: 1.2 }\n    - { weight: 1.5 }\n',
      'rules.yaml:5:15: weights.tiers[1].upTo: tier-order',
    ],
    [
      'a last tier with upTo',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { upTo: 500, weight: 1 }\n    - { upTo: 900, weight: 1.2 }\n',
      'rules.yaml:5:15: weights.tiers[1].upTo: tier-order',
    ],
    [
      'a middle tier without upTo',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { weight: 1 }\n    - { weight: 1.2 }\n',
      'rules.yaml:4:7: weights.tiers[0]: tier-order',
    ],
    [
      'periodDays not whole',
      'extends: upwork-2024\nweights: { periodDays: 1.5 }\n',
      'rules.yaml:2:24: weights.periodDays: invalid-value',
    ],
    [
      'afterDays of 0',
      'extends: upwork-2024\nidle:\n  afterDays: 0\n',
      'rules.yaml:3:14: idle.afterDays: invalid-value',
    ],
    [
      'minSpanDays below 1',
      'extends: upwork-2024\nlongTerm: { minSpanDays: -3 }\n',
      'rules.yaml:2:26: longTerm.minSpanDays: invalid-value',
    ],
    [
      'months of 0',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 0 }\n',
      'rules.yaml:3:26: windows[0].months: invalid-value',
    ],
    [
      'a tier weight too large to add up (1e308 would print NaN%)',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { weight: 1e308 }\n',
      'rules.yaml:4:17: weights.tiers[0].weight: out-of-range',
    ],
    [
      'a tier weight so small a window rounds to 0',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { weight: 1e-10 }\n',
      'rules.yaml:4:17: weights.tiers[0].weight: out-of-range',
    ],
    [
      'max above 1,000',
      'extends: upwork-2024\nweights: { max: 1e308 }\n',
      'rules.yaml:2:17: weights.max: out-of-range',
    ],
    [
      'max below 1',
      'extends: upwork-2024\nweights: { max: 0.5 }\n',
      'rules.yaml:2:17: weights.max: out-of-range',
    ],
    [
      'two windows with one name',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: 24m, months: 12 }\n',
      'rules.yaml:4:13: windows[1].name: duplicate-name',
    ],
    [
      'a window with months and average',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: 6m, months: 6, average: [24m, 24m] }\n',
      'rules.yaml:4:5: windows[1]: window-shape',
    ],
    [
      'a window with neither',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: 6m }\n',
      'rules.yaml:4:5: windows[1]: window-shape',
    ],
    [
      'an average of a window that does not exist',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: trending, average: [24m, 3m] }\n',
      'rules.yaml:4:38: windows[1].average[1]: unknown-window',
    ],
    [
      'an average of an average',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: 6m, months: 6 }\n  - { name: a, average: [24m, 6m] }\n  - { name: b, average: [a, 6m] }\n',
      'rules.yaml:6:26: windows[3].average[0]: unknown-window',
    ],
    [
      'shownWhen naming no window',
      'extends: upwork-2024\nshownWhen: { window: 36m }\n',
      'rules.yaml:2:22: shownWhen.window: unknown-window',
    ],
    [
      'a last classify rule that does not match everything',
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { open: true }, outcome: pending }\n  - { name: b, when: { open: false }, outcome: success }\n',
      'rules.yaml:4:22: classify[1].when: classify-catch-all',
    ],
    [
      'two rules with one name',
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { open: true }, outcome: pending }\n  - { name: a, when: {}, outcome: success }\n',
      'rules.yaml:4:13: classify[1].name: duplicate-name',
    ],
    [
      'two scenarios with one name',
      'extends: upwork-2024\naddScenarios:\n  - name: leave-open\n    label: again\n    outcomes: [ { name: x } ]\n',
      'rules.yaml:3:11: scenarios[6].name: duplicate-name',
    ],
    [
      'two outcomes with one name in a scenario',
      'extends: upwork-2024\naddScenarios:\n  - name: mine\n    label: Mine\n    outcomes:\n      - { name: x }\n      - { name: x, feedback: none }\n',
      'rules.yaml:7:17: scenarios[6].outcomes[1].name: duplicate-name',
    ],
    [
      'a scenario with no outcomes',
      'extends: upwork-2024\naddScenarios:\n  - { name: mine, label: Mine, outcomes: [] }\n',
      'rules.yaml:3:42: addScenarios[0].outcomes: out-of-range',
    ],
    [
      'a threshold above 100',
      'extends: upwork-2024\nthresholds: [ 90, 101 ]\n',
      'rules.yaml:2:19: thresholds[1]: out-of-range',
    ],
    [
      'a badge min below 0',
      'extends: upwork-2024\nbadges:\n  - { name: top-rated, min: -1 }\n',
      'rules.yaml:3:29: badges[0].min: out-of-range',
    ],
  ])('%s', async (_, text, expected) => {
    expect(await locatedCodes(text)).toContain(expected);
  });
});

describe('constraints, in words', () => {
  it.each([
    [
      'a tier weight of 0',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { upTo: 100, weight: 0 }\n    - { weight: 1 }\n',
      'rules.yaml:4:28: weights.tiers[0].weight: must be from 0.01 to 1,000',
    ],
    [
      'tier upTo not increasing',
      'extends: upwork-2024\nweights:\n  tiers:\n    - { upTo: 500, weight: 1 }\n    - { upTo: 500, weight: 1.2 }\n    - { weight: 1.5 }\n',
      "rules.yaml:5:15: weights.tiers[1].upTo: upTo 500 is not above the previous tier's 500",
    ],
    [
      'periodDays not whole',
      'extends: upwork-2024\nweights: { periodDays: 1.5 }\n',
      'rules.yaml:2:24: weights.periodDays: must be a whole number ≥ 1',
    ],
    [
      'a window with months and average',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: 6m, months: 6, average: [24m, 24m] }\n',
      'rules.yaml:4:5: windows[1]: a window has months or average, not both',
    ],
    [
      'an average of a window that does not exist',
      'extends: upwork-2024\nwindows:\n  - { name: 24m, months: 24 }\n  - { name: trending, average: [24m, 3m] }\n',
      'rules.yaml:4:38: windows[1].average[1]: "3m" is not a month window listed above this one',
    ],
    [
      'two rules with one name',
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { open: true }, outcome: pending }\n  - { name: a, when: {}, outcome: success }\n',
      'rules.yaml:4:13: classify[1].name: another rule is already named "a" (classify[0])',
    ],
  ])('%s', async (_, text, expected) => {
    expect(await errorFor(text)).toContain(expected);
  });

  it('reports every problem of a file at once, in file order', async () => {
    const message = await errorFor('extends: upwork-2024\nidle: { afterDays: 0 }\nthresholds: [ 101 ]\n');
    expect(message.split('\n').filter((l) => l.startsWith('rules.yaml'))).toEqual([
      'rules.yaml:2:20: idle.afterDays: must be a whole number ≥ 1',
      'rules.yaml:3:15: thresholds[0]: must be from 0 to 100',
    ]);
  });
});

describe('keys and values that do not exist', () => {
  it('a misspelt matcher key gets did-you-mean', async () => {
    const message = await errorFor(
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { endReasn: quality }, outcome: negative }\n  - { name: b, when: {}, outcome: neutral }\n',
    );
    expect(message).toBe(
      'rules.yaml:3:24: classify[0].when.endReasn: unknown key "endReasn"\n  hint: did you mean "endReason"?',
    );
  });

  it('a misspelt reason code gets did-you-mean, also inside a list', async () => {
    const message = await errorFor(
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { endReason: qualty }, outcome: negative }\n  - { name: b, when: { endReason: [completed, unresponsiv] }, outcome: neutral }\n  - { name: c, when: {}, outcome: neutral }\n',
    );
    expect(message).toContain('rules.yaml:3:35: classify[0].when.endReason: expected one of completed |');
    expect(message).toContain('got "qualty"\n  hint: did you mean "quality"?');
    expect(message).toContain('rules.yaml:4:47: classify[1].when.endReason[1]: expected one of');
    expect(message).toContain('hint: did you mean "unresponsive"?');
  });

  it('a range must be { min, max } or "unknown"', async () => {
    const message = await errorFor(
      'extends: upwork-2024\nclassify:\n  - { name: a, when: { public: known }, outcome: negative }\n  - { name: b, when: { private: { min: 9, max: 7 } }, outcome: neutral }\n  - { name: c, when: { earnings: { minimum: 1 } }, outcome: neutral }\n  - { name: d, when: {}, outcome: neutral }\n',
    );
    expect(message).toContain(
      'rules.yaml:3:32: classify[0].when.public: expected a range like { min: 4.5 } or "unknown"',
    );
    expect(message).toContain('rules.yaml:4:33: classify[1].when.private: min is larger than max');
    expect(message).toContain('rules.yaml:5:36: classify[2].when.earnings.minimum: unknown key "minimum"');
  });

  it('an empty file says what a rule file needs', async () => {
    expect(await errorFor('\n')).toBe(
      'rules.yaml:1:1: the file is empty\n  hint: a rule file needs at least a line like "extends: upwork-2026"',
    );
  });

  it('scenario feedback is none or public 1–5 and/or a whole private 0–10', async () => {
    const message = await errorFor(
      'extends: upwork-2024\naddScenarios:\n  - name: mine\n    label: Mine\n    outcomes:\n      - { name: a, feedback: { private: 7.5 } }\n      - { name: b, feedback: { public: 6 } }\n      - { name: c, feedback: {} }\n      - { name: d, feedback: nothing }\n',
    );
    expect(message.split('\n')).toEqual([
      'rules.yaml:6:41: addScenarios[0].outcomes[0].feedback.private: must be a whole number from 0 to 10',
      'rules.yaml:7:40: addScenarios[0].outcomes[1].feedback.public: must be from 1 to 5',
      'rules.yaml:8:30: addScenarios[0].outcomes[2].feedback: give public and/or private, or none',
      'rules.yaml:9:30: addScenarios[0].outcomes[3].feedback: expected none or { public, private }',
    ]);
  });

  it('an unknown top-level key gets did-you-mean', async () => {
    expect(await errorFor('extends: upwork-2024\nthreshold: [ 90 ]\n')).toBe(
      'rules.yaml:2:1: threshold: unknown key "threshold"\n  hint: did you mean "thresholds"?',
    );
  });

  it('a file that extends nothing must set every key, and is told how not to', async () => {
    const lines = (await errorFor('name: mine\nsummary: mine\nweights: { max: 2 }\n')).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'rules.yaml:1:1: missing sources, assumptions, formula, rounding, windows, select, shownWhen, eligibility, longTerm, idle, classify, badges, thresholds, scenarios',
      '  hint: set them, or start the file with "extends: upwork-2026" to inherit the rest',
    ]);
    expect(lines[2]).toMatch(/^rules\.yaml:3:10: weights\.tiers: missing /);
    expect(lines[3]).toMatch(/^rules\.yaml:3:10: weights\.periodDays: missing /);
    expect(lines).toHaveLength(4);
  });
});

describe('extends', () => {
  it('by name: inherits everything; objects merge key by key; the name comes from the file', async () => {
    const cwd = tempFiles({ 'my-rules.yaml': 'extends: upwork-2024\nweights: { max: 4 }\n' });
    const base = (await loadRuleSet('upwork-2024', { cwd })).ruleSet;
    const loaded = await loadRuleSet('my-rules.yaml', { cwd });
    expect(loaded.source).toBe('my-rules.yaml');
    expect(loaded.ruleSet).toEqual({ ...base, name: 'my-rules', weights: { ...base.weights, max: 4 } });
  });

  it('lists replace whole; addScenarios appends to the inherited catalog', async () => {
    const cwd = tempFiles({
      'mine.yaml': [
        'extends: upwork-2024',
        'name: custom',
        'thresholds: [ 85 ]',
        'windows:',
        '  - { name: 24m, months: 24 }',
        'addScenarios:',
        '  - name: client-pauses',
        '    label: The client pauses it',
        '    set: { status: paused }',
        '    outcomes: [ { name: paused } ]',
        '',
      ].join('\n'),
    });
    const base = (await loadRuleSet('upwork-2024', { cwd })).ruleSet;
    const { ruleSet } = await loadRuleSet('mine.yaml', { cwd });
    expect(ruleSet.name).toBe('custom');
    expect(ruleSet.thresholds).toEqual([85]);
    expect(ruleSet.windows).toEqual([{ name: '24m', months: 24 }]);
    expect(ruleSet.scenarios.map((s) => s.name)).toEqual([
      ...base.scenarios.map((s) => s.name),
      'client-pauses',
    ]);
    expect(ruleSet.scenarios.at(-1)).toEqual({
      name: 'client-pauses',
      label: 'The client pauses it',
      set: { status: 'paused' },
      outcomes: [{ name: 'paused' }],
    });
  });

  it('scenarios replaces the catalog, then addScenarios appends', async () => {
    const cwd = tempFiles({
      'mine.yaml':
        'extends: upwork-2024\nscenarios:\n  - { name: a, label: A, outcomes: [ { name: x } ] }\naddScenarios:\n  - { name: b, label: B, outcomes: [ { name: y } ] }\n',
    });
    const { ruleSet } = await loadRuleSet('mine.yaml', { cwd });
    expect(ruleSet.scenarios.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('by relative path, from the extending file’s folder, through several files', async () => {
    const cwd = tempFiles({
      'shared/base.yaml': 'extends: upwork-2015\nname: base\nidle: { afterDays: 45 }\n',
      'team/mine.yaml': 'extends: ../shared/base.yaml\neligibility: { minClients: 1 }\n',
    });
    const upwork2015 = (await loadRuleSet('upwork-2015', { cwd })).ruleSet;
    const loaded = await loadRuleSet('team/mine.yaml', { cwd });
    expect(loaded.source).toBe('team/mine.yaml');
    expect(loaded.ruleSet).toEqual({
      ...upwork2015,
      name: 'mine',
      idle: { afterDays: 45 },
      eligibility: { minOutcomes: 4, minClients: 1 },
    });
  });

  it('reads JSON rule files too', async () => {
    const cwd = tempFiles({ 'mine.json': '{ "extends": "upwork-2024", "thresholds": [95] }' });
    expect((await loadRuleSet('mine.json', { cwd })).ruleSet.thresholds).toEqual([95]);
  });

  it('a cycle is an error naming the chain, at the extends that closes it', async () => {
    const cwd = tempFiles({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'name: b\nextends: a.yaml\n' });
    expect(await userErrorOf(loadRuleSet('a.yaml', { cwd }))).toBe(
      'b.yaml:2:10: extends: extends goes round in a circle: a.yaml → b.yaml → a.yaml',
    );
  });

  it('a file extending itself is a cycle', async () => {
    const cwd = tempFiles({ 'a.yaml': 'extends: a.yaml\n' });
    expect(await userErrorOf(loadRuleSet('a.yaml', { cwd }))).toContain(
      'a.yaml:1:10: extends: extends goes round in a circle: a.yaml → a.yaml',
    );
  });

  it('an unknown built-in name in extends is located, with did-you-mean', async () => {
    expect(await errorFor('# mine\nextends: upwork-2042\n')).toBe(
      'rules.yaml:2:10: extends: no built-in rule set is named "upwork-2042"\n' +
        '  hint: did you mean "upwork-2026"? built-in: upwork-2026, upwork-2024, upwork-2020, upwork-2015, pessimistic (a file needs a "/" or a .yaml, .yml or .json ending)',
    );
  });

  it('a missing extended file is reported where extends names it', async () => {
    expect(await errorFor('extends: ./nowhere.yaml\n')).toBe(
      'rules.yaml:1:10: extends: cannot read "./nowhere.yaml": nowhere.yaml: no such file',
    );
  });

  it('a problem in an extended file is reported in that file', async () => {
    const cwd = tempFiles({
      'base.yaml': 'extends: upwork-2024\nidle: { afterDays: -1 }\n',
      'mine.yaml': 'extends: base.yaml\n',
    });
    expect(await userErrorOf(loadRuleSet('mine.yaml', { cwd }))).toBe(
      'base.yaml:2:20: idle.afterDays: must be a whole number ≥ 1',
    );
  });

  it('an inherited value broken by the extending file is located where it was written, saying so', async () => {
    const cwd = tempFiles({
      'base.yaml': 'extends: upwork-2024\nshownWhen: { window: 12m }\n',
      'mine.yaml': 'extends: base.yaml\nwindows:\n  - { name: 24m, months: 24 }\n',
    });
    expect(await userErrorOf(loadRuleSet('mine.yaml', { cwd }))).toBe(
      'base.yaml:2:22: shownWhen.window: no window is named "12m"\n  hint: windows: 24m',
    );
  });
});

describe('built-in names and comma lists', () => {
  it('an unknown name lists the built-ins, with did-you-mean', async () => {
    const message = await userErrorOf(loadRuleSet('pesimistic', { cwd: '/' }));
    expect(message).toBe(
      'no built-in rule set is named "pesimistic"\n  hint: did you mean "pessimistic"? built-in: upwork-2026, upwork-2024, upwork-2020, upwork-2015, pessimistic (a file needs a "/" or a .yaml, .yml or .json ending)',
    );
  });

  it('a name far from every built-in still lists them', async () => {
    expect(await userErrorOf(loadRuleSet('strict', { cwd: '/' }))).toContain(
      'hint: built-in: upwork-2026, upwork-2024, upwork-2020, upwork-2015, pessimistic',
    );
  });

  it('loads a comma list in order, each with its source', async () => {
    const cwd = tempFiles({ 'x/mine.yml': 'extends: pessimistic\n' });
    const list = await loadRuleSets('upwork-2024, x/mine.yml,upwork-2015', { cwd });
    expect(list.map((l) => [l.ruleSet.name, l.source])).toEqual([
      ['upwork-2024', 'builtin'],
      ['mine', 'x/mine.yml'],
      ['upwork-2015', 'builtin'],
    ]);
  });

  it('refuses an empty item and a repeated one', async () => {
    expect(await userErrorOf(loadRuleSets('upwork-2024,,upwork-2015', { cwd: '/' }))).toContain(
      'an empty name in the list',
    );
    expect(await userErrorOf(loadRuleSets('upwork-2024,upwork-2024', { cwd: '/' }))).toContain(
      '"upwork-2024" is listed twice',
    );
  });

  it('knows the five built-ins, the default first', () => {
    expect(builtinRuleSetNames()).toEqual([
      'upwork-2026',
      'upwork-2024',
      'upwork-2020',
      'upwork-2015',
      'pessimistic',
    ]);
  });
});
