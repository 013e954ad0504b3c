import { describe, expect, it } from 'vitest';
import { ruleSetProblems, rulesJsonSchema } from '../../src/rules/schema.js';
import { upwork2024 } from '../helpers/rules.js';

describe('rulesJsonSchema', () => {
  const schema = rulesJsonSchema() as {
    type: string;
    additionalProperties: boolean;
    required?: string[];
    properties: Record<string, { description?: string }>;
  };

  it('describes a rule file: every key optional, nothing else allowed', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required ?? []).toEqual([]);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'extends',
        'addScenarios',
        'classify',
        'windows',
        'weights',
        'scenarios',
        'thresholds',
      ]),
    );
  });

  it('carries descriptions for editors, and the matcher keys with theirs', () => {
    expect(schema.properties.extends.description).toMatch(/built-in rule set name or a path/);
    const text = JSON.stringify(schema);
    for (const key of ['longTermClient', 'clientSuspended', 'endReason', 'earnings', 'public', 'private']) {
      expect(text).toContain(`"${key}"`);
    }
    expect(text).toContain('never matches a missing value');
    expect(text).toContain('"type":"integer","minimum":1');
  });
});

describe('ruleSetProblems', () => {
  it('finds nothing wrong with DESIGN’s default settings', () => {
    expect(ruleSetProblems(upwork2024())).toEqual([]);
  });

  it('finds every cross-field problem at once, each at its path', () => {
    const rules = upwork2024({
      windows: [
        { name: '6m', months: 6 },
        { name: 'trending', average: ['6m', '3m'] },
        { name: '3m', months: 3 },
      ],
      weights: { tiers: [{ weight: 1 }, { upTo: 100, weight: 2 }], periodDays: 90, max: 8 },
      badges: [
        { name: 'top-rated', min: 90 },
        { name: 'top-rated', min: 95 },
      ],
    });
    expect(ruleSetProblems(rules).map((p) => [p.path.join('.'), p.message])).toEqual([
      ['windows.1.average.1', '"3m" is not a month window listed above this one'],
      ['shownWhen.window', 'no window is named "24m"'],
      ['weights.tiers.0', 'only the last tier may leave out upTo'],
      ['weights.tiers.1.upTo', 'the last tier takes every larger amount, so it has no upTo'],
      ['badges.1.name', 'another badge is already named "top-rated" (badges[0])'],
    ]);
  });
});
