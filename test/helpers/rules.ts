import type { ClassifyRule, RuleSet, Scenario } from '../../src/core/types.js';

const BLAMED = ['unresponsive', 'misrepresented-skills', 'unprofessional', 'quality'] as const;

/** DESIGN §2's classify table for upwork-2024, written out independently of rules/upwork-2024.yaml. */
export const DEFAULT_CLASSIFY: ClassifyRule[] = [
  { name: 'suspended-client', when: { clientSuspended: true }, outcome: 'excluded' },
  { name: 'open', when: { open: true, idle: false, longTermClient: false }, outcome: 'pending' },
  { name: 'long-term-client', when: { longTermClient: true }, outcome: 'success' },
  { name: 'idle-paid', when: { idle: true, earnings: { min: 0.01 } }, outcome: 'neutral' },
  { name: 'dispute-lost', when: { dispute: 'lost' }, outcome: 'negative' },
  { name: 'no-feedback', when: { feedback: 'none' }, outcome: 'excluded' },
  {
    name: 'zero-earnings-detractor',
    when: { earnings: { max: 0 }, private: { max: 6 } },
    outcome: 'negative',
  },
  {
    name: 'zero-earnings-blamed',
    when: { earnings: { max: 0 }, endReason: [...BLAMED] },
    outcome: 'negative',
  },
  { name: 'zero-earnings', when: { earnings: { max: 0 } }, outcome: 'excluded' },
  { name: 'private-promoter', when: { private: { min: 9 } }, outcome: 'success' },
  { name: 'private-passive', when: { private: { min: 7, max: 8 } }, outcome: 'neutral' },
  { name: 'private-detractor', when: { private: { max: 6 } }, outcome: 'negative' },
  { name: 'blamed', when: { endReason: [...BLAMED, 'completed-unsuccessfully'] }, outcome: 'negative' },
  { name: 'public-high', when: { public: { min: 4.5 } }, outcome: 'success' },
  { name: 'public-mid', when: { public: { min: 4 } }, outcome: 'neutral' },
  { name: 'public-low', when: { public: { min: 0 } }, outcome: 'negative' },
  { name: 'completed', when: { endReason: 'completed' }, outcome: 'success' },
  { name: 'otherwise', when: {}, outcome: 'neutral' },
];

const KEEP_WORKING: Scenario = {
  name: 'keep-working',
  label: 'Keep working and invoicing as before',
  when: { idle: false, earnings: { min: 0.01 } },
  payments: 'continue',
  outcomes: [{ name: 'paid-as-before' }],
};
const LEAVE_OPEN: Scenario = {
  name: 'leave-open',
  label: 'Leave it open or paused, no further payments',
  outcomes: [{ name: 'stays-open' }],
};
const FREELANCER_CLOSES = {
  name: 'freelancer-closes',
  label: 'You end it as completed',
  set: { status: 'ended', endedBy: 'freelancer', endReason: 'completed' },
} as const;
const CLIENT_COMPLETES = {
  name: 'client-completes',
  label: 'The client ends it as completed',
  set: { status: 'ended', endedBy: 'client', endReason: 'completed' },
} as const;
const CLIENT_CANCELS = {
  name: 'client-cancels',
  label: 'The client ends it as "no longer needed"',
  set: { status: 'ended', endedBy: 'client', endReason: 'no-longer-needed' },
} as const;
const CLIENT_UNHAPPY = {
  name: 'client-unhappy',
  label: 'The client ends it, unhappy with the quality',
  set: { status: 'ended', endedBy: 'client', endReason: 'quality' },
} as const;

/** DESIGN §4's upwork-2024 catalog (also upwork-2020's and upwork-2015's), written out from DESIGN. */
export const CATALOG_2024: Scenario[] = [
  KEEP_WORKING,
  LEAVE_OPEN,
  {
    ...FREELANCER_CLOSES,
    outcomes: [
      { name: 'silent', feedback: 'none' },
      { name: 'rates-8', feedback: { private: 8 } },
    ],
  },
  {
    ...CLIENT_COMPLETES,
    outcomes: [
      { name: 'delighted', feedback: { public: 5, private: 10 } },
      { name: 'satisfied', feedback: { public: 4.5, private: 8 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
  {
    ...CLIENT_CANCELS,
    outcomes: [
      { name: 'recommends', feedback: { private: 9 } },
      { name: 'lukewarm', feedback: { private: 7 } },
      { name: 'unhappy', feedback: { private: 4 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
  { ...CLIENT_UNHAPPY, outcomes: [{ name: 'unhappy', feedback: { public: 2, private: 3 } }] },
];

/** DESIGN §4's upwork-2026 catalog (also pessimistic's): public stars or nothing, no private rating. */
export const CATALOG_2026: Scenario[] = [
  KEEP_WORKING,
  LEAVE_OPEN,
  {
    ...FREELANCER_CLOSES,
    outcomes: [
      { name: 'delighted', feedback: { public: 5 } },
      { name: 'lukewarm', feedback: { public: 4 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
  {
    ...CLIENT_COMPLETES,
    outcomes: [
      { name: 'delighted', feedback: { public: 5 } },
      { name: 'satisfied', feedback: { public: 4.5 } },
      { name: 'lukewarm', feedback: { public: 4 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
  {
    ...CLIENT_CANCELS,
    outcomes: [
      { name: 'delighted', feedback: { public: 5 } },
      { name: 'lukewarm', feedback: { public: 4 } },
      { name: 'unhappy', feedback: { public: 2 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
  {
    ...CLIENT_UNHAPPY,
    outcomes: [
      { name: 'unhappy', feedback: { public: 2 } },
      { name: 'silent', feedback: 'none' },
    ],
  },
];

/** The catalog the core tests use by default (upwork-2024's). */
export const DEFAULT_SCENARIOS: Scenario[] = CATALOG_2024;

/** DESIGN §2's pessimistic table: the default with dispute-lost, private-detractor and blamed before long-term-client. */
export function pessimisticClassify(): ClassifyRule[] {
  const byName = (n: string) => DEFAULT_CLASSIFY.find((r) => r.name === n) as ClassifyRule;
  const moved = ['dispute-lost', 'private-detractor', 'blamed'];
  const out: ClassifyRule[] = [];
  for (const r of DEFAULT_CLASSIFY) {
    if (moved.includes(r.name)) continue;
    if (r.name === 'long-term-client') out.push(...moved.map(byName));
    if (r.name === 'idle-paid') out.push({ name: 'idle', when: { idle: true }, outcome: 'negative' });
    else if (r.name === 'private-passive') out.push({ ...r, outcome: 'negative' });
    else out.push(r);
  }
  return out;
}

/** The upwork-2024 rule set of DESIGN §2 as a plain object, for core tests. */
export function upwork2024(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    name: 'upwork-2024',
    summary: 'test copy of the default rules',
    sources: [],
    assumptions: [],
    formula: 'net',
    rounding: 'round',
    windows: [
      { name: '24m', months: 24 },
      { name: '12m', months: 12 },
      { name: '6m', months: 6 },
      { name: '3m', months: 3, display: false },
      { name: 'trending', average: ['6m', '3m'] },
    ],
    select: 'best',
    shownWhen: { window: '24m' },
    eligibility: { minOutcomes: 2, minClients: 2 },
    weights: {
      tiers: [{ upTo: 250, weight: 1 }, { upTo: 1000, weight: 1.25 }, { weight: 1.5 }],
      periodDays: 90,
      max: 8,
    },
    longTerm: { minSpanDays: 90 },
    idle: { afterDays: 90 },
    classify: DEFAULT_CLASSIFY,
    badges: [{ name: 'top-rated', min: 90 }],
    thresholds: [90, 80, 75, 70],
    scenarios: DEFAULT_SCENARIOS,
    ...overrides,
  };
}
