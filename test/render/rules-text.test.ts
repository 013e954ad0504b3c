import { describe, expect, it } from 'vitest';
import { describeMatcher, renderRuleSetList } from '../../src/render/rules-text.js';
import { createStyle, plainStyle } from '../../src/render/style.js';

describe('describeMatcher', () => {
  it.each([
    [{}, '(always)'],
    [{ open: true, idle: false, longTermClient: false }, 'open, not idle, not a long-term client'],
    [{ earnings: { max: 0 }, private: { max: 6 } }, 'earnings ≤ $0, private ≤ 6'],
    [{ idle: true, earnings: { min: 0.01 } }, 'idle, earnings ≥ $0.01'],
    [{ private: { min: 7, max: 8 } }, 'private 7–8'],
    [{ public: { min: 0 } }, 'public known'],
    [{ public: 'unknown' as const }, 'public unknown'],
    [{ earnings: { min: 1000.5 } }, 'earnings ≥ $1,000.5'],
    [
      { endReason: ['quality' as const, 'unprofessional' as const] },
      'end reason in (quality, unprofessional)',
    ],
    [
      { endReason: 'completed' as const, endedBy: 'client' as const },
      'ended by client, end reason completed',
    ],
    [{ feedback: 'none' as const, dispute: 'lost' as const }, 'dispute lost, no feedback'],
    [
      { status: 'paused' as const, type: 'hourly' as const, clientSuspended: false },
      'status paused, hourly, client not suspended',
    ],
  ])('%j → %s', (matcher, words) => {
    expect(describeMatcher(matcher)).toBe(words);
  });
});

describe('renderRuleSetList', () => {
  const sets = [
    { name: 'upwork-2024', summary: 'Now.', default: true },
    { name: 'x', summary: 'Other.', default: false },
  ];

  it('aligns summaries and marks the default', () => {
    expect(renderRuleSetList(sets, plainStyle)).toBe(
      'upwork-2024 (default)  Now.\nx                      Other.\n\nSee one with: jss rules show NAME\n',
    );
  });

  it('colours only when the style is enabled', async () => {
    expect(renderRuleSetList(sets, await createStyle(true))).toContain(
      '\u001b[1mupwork-2024 (default)\u001b[22m',
    );
  });
});
