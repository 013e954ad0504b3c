import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/core/types.js';
import { builtinRuleSetNames, loadRuleSet } from '../../src/rules/load-rules.js';
import {
  CATALOG_2024,
  CATALOG_2026,
  DEFAULT_CLASSIFY,
  pessimisticClassify,
  upwork2024,
} from '../helpers/rules.js';
import { repoRoot } from '../helpers/run-cli.js';

async function builtin(name: string): Promise<RuleSet> {
  const loaded = await loadRuleSet(name, { cwd: '/' });
  expect(loaded.source).toBe('builtin');
  return loaded.ruleSet;
}

const rulesOnly = (r: RuleSet) => r.classify.map(({ name, when, outcome }) => ({ name, when, outcome }));
const BLAMED = ['unresponsive', 'misrepresented-skills', 'unprofessional', 'quality'] as const;

/** DESIGN §2's table and §4's catalog (labels are free text), written out in the test helpers. */
const DESIGN_TABLE = DEFAULT_CLASSIFY;
const CATALOGS: Record<string, typeof CATALOG_2024> = {
  'upwork-2026': CATALOG_2026,
  pessimistic: CATALOG_2026,
  'upwork-2024': CATALOG_2024,
  'upwork-2020': CATALOG_2024,
  'upwork-2015': CATALOG_2024,
};

describe('the built-in rule sets', () => {
  it('are exactly the files in rules/', () => {
    const files = readdirSync(new URL('rules/', `file://${repoRoot}`)).sort();
    expect(files).toEqual(
      builtinRuleSetNames()
        .map((n) => `${n}.yaml`)
        .sort(),
    );
  });

  it.each(builtinRuleSetNames())(
    '%s loads, names itself, cites https sources, and gives every rule a basis',
    async (name) => {
      const rules = await builtin(name);
      expect(rules.name).toBe(name);
      expect(rules.summary.length).toBeGreaterThan(20);
      expect(rules.sources.length).toBeGreaterThan(2);
      for (const source of rules.sources)
        expect(source).toMatch(/^https:\/\/(support|community)\.upwork\.com\//);
      expect(rules.assumptions.length).toBeGreaterThan(2);
      for (const rule of rules.classify) expect(rule.basis, rule.name).toMatch(/\w{3,}.*\./);
    },
  );

  it.each(builtinRuleSetNames())(
    '%s carries exactly its DESIGN §4 catalog, in order, with its labels',
    async (name) => {
      const rules = await builtin(name);
      expect(rules.scenarios).toEqual(CATALOGS[name]);
    },
  );
});

describe('upwork-2026 (the default)', () => {
  it('is upwork-2024 but for its words and its catalog', async () => {
    const words = ({ name, summary, sources, assumptions, scenarios, ...settings }: RuleSet) => settings;
    const rules = await builtin('upwork-2026');
    expect(words(rules)).toEqual(words(await builtin('upwork-2024')));
    // Upwork no longer collects the private rating: no outcome of today's catalog gives one.
    for (const s of rules.scenarios)
      for (const o of s.outcomes)
        expect(typeof o.feedback === 'object' && 'private' in o.feedback).toBe(false);
  });
});

describe('upwork-2024', () => {
  it('has DESIGN §2’s classify table, rule by rule', async () => {
    expect(rulesOnly(await builtin('upwork-2024'))).toEqual(DESIGN_TABLE);
  });

  it('has DESIGN §2’s settings', async () => {
    const { name, summary, sources, assumptions, classify, scenarios, ...settings } =
      await builtin('upwork-2024');
    // The test helper writes DESIGN §2's settings out independently of rules/upwork-2024.yaml.
    const {
      name: _n,
      summary: _s,
      sources: _so,
      assumptions: _a,
      classify: _c,
      scenarios: _sc,
      ...expected
    } = upwork2024();
    expect(settings).toEqual(expected);
  });
});

describe('upwork-2015 (the launch rules)', () => {
  it('no tiers but the 90-day bonus, best of 24m/12m/6m, 4 outcomes from 3 clients, idle after 30 days', async () => {
    const rules = await builtin('upwork-2015');
    expect(rules.weights).toEqual({ tiers: [{ weight: 1 }], periodDays: 90, max: 8 });
    expect(rules.windows).toEqual([
      { name: '24m', months: 24 },
      { name: '12m', months: 12 },
      { name: '6m', months: 6 },
    ]);
    expect(rules.shownWhen).toEqual({ window: '24m' });
    expect(rules.eligibility).toEqual({ minOutcomes: 4, minClients: 3 });
    expect(rules.idle).toEqual({ afterDays: 30 });
    expect(rules.formula).toBe('net');
  });

  it('classifies idle and no-feedback contracts as negative, in the order of the brief, with no $0 or long-term rule', async () => {
    expect(rulesOnly(await builtin('upwork-2015'))).toEqual([
      { name: 'suspended-client', when: { clientSuspended: true }, outcome: 'excluded' },
      { name: 'open-idle', when: { open: true, idle: true }, outcome: 'negative' },
      { name: 'open', when: { open: true }, outcome: 'pending' },
      { name: 'dispute-lost', when: { dispute: 'lost' }, outcome: 'negative' },
      { name: 'no-feedback', when: { feedback: 'none' }, outcome: 'negative' },
      { name: 'private-promoter', when: { private: { min: 9 } }, outcome: 'success' },
      { name: 'private-detractor', when: { private: { max: 6 } }, outcome: 'negative' },
      { name: 'private-passive', when: { private: { min: 7, max: 8 } }, outcome: 'neutral' },
      { name: 'blamed', when: { endReason: [...BLAMED, 'completed-unsuccessfully'] }, outcome: 'negative' },
      { name: 'public-high', when: { public: { min: 4.5 } }, outcome: 'success' },
      { name: 'public-mid', when: { public: { min: 4 } }, outcome: 'neutral' },
      { name: 'public-low', when: { public: { min: 0 } }, outcome: 'negative' },
      { name: 'completed', when: { endReason: 'completed' }, outcome: 'success' },
      { name: 'otherwise', when: {}, outcome: 'neutral' },
    ]);
  });
});

describe('upwork-2020 (March to November 2020)', () => {
  it('has job-size tiers without the 90-day bonus, no trending window, 4 outcomes from 3 clients', async () => {
    const rules = await builtin('upwork-2020');
    const base = await builtin('upwork-2024');
    expect(rules.weights).toEqual({ ...base.weights, max: 1.5 });
    expect(rules.windows.map((w) => w.name)).toEqual(['24m', '12m', '6m']);
    expect(rules.eligibility).toEqual({ minOutcomes: 4, minClients: 3 });
    expect(rules.idle).toEqual({ afterDays: 90 });
  });

  it('excludes $0 contracts but counts no-feedback ones as neutral, private before public, no long-term rule', async () => {
    const rules = rulesOnly(await builtin('upwork-2020'));
    const at = (name: string) => rules.findIndex((r) => r.name === name);
    expect(rules.find((r) => r.name === 'no-feedback')).toEqual({
      name: 'no-feedback',
      when: { feedback: 'none' },
      outcome: 'neutral',
    });
    expect(at('no-feedback')).toBeLessThan(at('zero-earnings'));
    expect(rules.find((r) => r.name === 'zero-earnings')?.outcome).toBe('excluded');
    expect(rules.find((r) => r.name === 'idle-paid')).toEqual({
      name: 'idle-paid',
      when: { idle: true, earnings: { min: 0.01 } },
      outcome: 'neutral',
    });
    expect(rules.some((r) => 'longTermClient' in r.when)).toBe(false);
    expect(Math.max(at('private-promoter'), at('private-passive'), at('private-detractor'))).toBeLessThan(
      at('public-high'),
    );
    expect(rules.at(-1)).toEqual({ name: 'otherwise', when: {}, outcome: 'neutral' });
  });
});

describe('pessimistic', () => {
  it('is upwork-2026 with bad outcomes before long-term, 7–8 negative and 30 idle days negative, nothing else changed', async () => {
    const rules = await builtin('pessimistic');
    const base = await builtin('upwork-2026');
    expect(rulesOnly(rules)).toEqual(pessimisticClassify());
    expect(rules.idle).toEqual({ afterDays: 30 });
    const { name, summary, assumptions, classify, idle, ...rest } = rules;
    const { name: _n, summary: _s, assumptions: _a, classify: _c, idle: _i, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
  });
});
