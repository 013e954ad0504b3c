import { describe, expect, it } from 'vitest';
import type { PendingContract } from '../../src/core/scenarios.js';
import { renderConsensus, renderPending } from '../../src/render/scenarios-text.js';
import { createStyle, plainStyle } from '../../src/render/style.js';

const date = '2027-02-24';
const pending: PendingContract = {
  id: 'C9',
  scenarios: [
    {
      name: 'leave-open',
      label: 'Leave it open',
      outcomes: [
        { name: 'stays-open', now: { jss: null, delta: null }, horizon: { date, jss: null, delta: null } },
      ],
      best: null,
      worst: null,
    },
    {
      name: 'client-cancels',
      label: 'The client cancels',
      outcomes: [
        { name: 'recommends', now: { jss: 95, delta: 4 }, horizon: { date, jss: 96, delta: 5 } },
        { name: 'unhappy', now: { jss: 88, delta: -3 }, horizon: { date, jss: 89, delta: -2 } },
      ],
      best: 96,
      worst: 89,
    },
  ],
  recommendation: { scenario: 'client-cancels', why: 'The client cancels: it costs up to 2 points.' },
};

describe('renderPending', () => {
  it('tables scenario × outcome now and at the horizon, marks the recommendation and says why', () => {
    expect(renderPending([pending], plainStyle)).toBe(
      [
        'C9',
        '     scenario        outcome           now   Δ  by 2027-02-24   Δ',
        '     leave-open      stays-open  not shown   —      not shown   —',
        '  *  client-cancels  recommends        95%  +4            96%  +5',
        '                     unhappy           88%  −3            89%  −2',
        '  * Recommended: client-cancels. The client cancels: it costs up to 2 points.',
      ].join('\n'),
    );
  });

  it('colours only when the style says so', async () => {
    expect(renderPending([pending], await createStyle(true))).toContain('\u001b[');
    expect(renderPending([pending], plainStyle)).not.toContain('\u001b[');
  });
});

describe('renderConsensus', () => {
  it('says whether each recommendation is robust, and what the others recommend', () => {
    const other = { ...pending, recommendation: { scenario: 'leave-open', why: '' } };
    const reports = [
      { rules: { name: 'upwork-2024' }, pending: [pending] },
      { rules: { name: 'upwork-2015' }, pending: [other] },
    ];
    const items = [
      { id: 'C9', scenario: 'client-cancels', robust: false, disagree: ['upwork-2015'] },
      { id: 'C9', scenario: 'client-cancels', robust: true, disagree: [] },
    ];
    expect(renderConsensus(items, reports, plainStyle)).toBe(
      '  C9: client-cancels (upwork-2024) not robust: upwork-2015 recommends leave-open\n' +
        '  C9: client-cancels (upwork-2024) robust: every rule set recommends it',
    );
  });
});
