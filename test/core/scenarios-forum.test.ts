import { beforeAll, describe, expect, it } from 'vitest';
import { consensus } from '../../src/core/consensus.js';
import { estimateReport } from '../../src/core/estimate.js';
import { prepare } from '../../src/core/evaluate.js';
import type { PendingContract } from '../../src/core/scenarios.js';
import type { RuleSet } from '../../src/core/types.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';
import { forumContracts } from '../helpers/forum-case.js';
import { history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';
import { repoRoot } from '../helpers/run-cli.js';

const ASOF = '2026-11-26';

function reportUnder(rules: RuleSet) {
  return estimateReport(prepare(history(forumContracts(), ASOF), rules, ASOF), { horizonDays: 90 });
}

/** `scenario:outcome` → horizon delta, for compact assertions. */
function horizonDeltas(p: PendingContract): Record<string, number | null> {
  return Object.fromEntries(
    p.scenarios.flatMap((s) => s.outcomes.map((o) => [`${s.name}:${o.name}`, o.horizon.delta])),
  );
}

describe('the forum case', () => {
  let upwork2015: RuleSet;
  let upwork2026: RuleSet;
  beforeAll(async () => {
    upwork2015 = (await loadRuleSet('upwork-2015', { cwd: repoRoot })).ruleSet;
    upwork2026 = (await loadRuleSet('upwork-2026', { cwd: repoRoot })).ruleSet;
  });

  it('default rules: leaving it open costs nothing; a cancellation costs only if the private rating is poor', () => {
    const report = reportUnder(upwork2024());
    expect(report.jss).toBe(100);
    expect(report.pending.map((p) => p.id)).toEqual(['BP-3']);
    const [bp3] = report.pending;
    expect(horizonDeltas(bp3)).toEqual({
      'leave-open:stays-open': 0,
      'client-completes:delighted': 0, // $0 contracts with good feedback are excluded
      'client-completes:satisfied': 0,
      'client-completes:silent': 0,
      'client-cancels:recommends': 0,
      'client-cancels:lukewarm': 0,
      'client-cancels:unhappy': -27, // $0 and private 4: negative
      'client-cancels:silent': 0,
      'freelancer-closes:silent': 0,
      'freelancer-closes:rates-8': 0,
      'client-unhappy:unhappy': -27,
    });
    const cancels = bp3.scenarios.find((s) => s.name === 'client-cancels');
    expect(cancels).toMatchObject({ best: 100, worst: 73 });
    expect(cancels?.outcomes[2]).toEqual({
      name: 'unhappy',
      now: { jss: 73, delta: -27 },
      horizon: { date: '2027-02-24', jss: 73, delta: -27 },
    });
    expect(bp3.recommendation).toEqual({
      scenario: 'leave-open',
      why:
        'Leave it open or paused, no further payments: 100% on 2027-02-24 under upwork-2024 (it turns idle on 2027-01-20); ' +
        'the riskiest alternative, client-cancels, gives 73% at worst if the client privately rates you 6/10 or less (unhappy).',
    });
  });

  it('upwork-2015 rules: the idle $0 contract already counts negative, so having it completed is best', () => {
    const report = reportUnder(upwork2015);
    const [bp3] = report.pending;
    expect(report.jss).toBe(67);
    expect(horizonDeltas(bp3)).toMatchObject({
      'leave-open:stays-open': 0,
      'client-completes:delighted': 33,
      'client-completes:silent': 0, // no feedback counts negative, as the idle contract does
      'client-cancels:unhappy': 0,
    });
    expect(bp3.scenarios.find((s) => s.name === 'client-completes')).toMatchObject({ best: 100, worst: 67 });
    expect(bp3.recommendation.scenario).toBe('client-completes');
    expect(bp3.recommendation.why).toBe(
      'The client ends it as completed: 67–100% on 2027-02-24 under upwork-2015, 67% if the client leaves no feedback (silent); ' +
        'left as it is: 67% (idle since 2026-11-21); the riskiest alternative, leave-open, gives 67%.',
    );
  });

  it('upwork-2026 (the default): cancelling as "no longer needed" cannot lower the $0 contract; a blamed reason can', () => {
    const report = reportUnder(upwork2026);
    expect(report.jss).toBe(100);
    const [bp3] = report.pending;
    // $0 and no earnings to continue: keep-working is not offered
    expect(bp3.scenarios.map((s) => s.name)).toEqual([
      'leave-open',
      'freelancer-closes',
      'client-completes',
      'client-cancels',
      'client-unhappy',
    ]);
    const deltas = horizonDeltas(bp3);
    for (const o of ['delighted', 'lukewarm', 'unhappy', 'silent'])
      expect(deltas[`client-cancels:${o}`]).toBe(0);
    expect(deltas['client-unhappy:unhappy']).toBe(-27); // $0 with a reason that blames the freelancer
    expect(deltas['client-unhappy:silent']).toBe(0); // ended with no feedback: left out
    expect(bp3.recommendation.scenario).toBe('leave-open');
    expect(bp3.recommendation.why).toBe(
      'Leave it open or paused, no further payments: 100% on 2027-02-24 under upwork-2026 (it turns idle on 2027-01-20); ' +
        'the riskiest alternative, client-unhappy, gives 73% at worst if the client leaves 2★ (unhappy).',
    );
  });

  it('comparing the two rule sets shows that they disagree', () => {
    const reports = [reportUnder(upwork2024()), reportUnder(upwork2015)];
    expect(consensus(reports)).toEqual([
      { id: 'BP-3', scenario: 'leave-open', robust: false, disagree: ['upwork-2015'] },
    ]);
    expect(consensus([reports[0], reportUnder(upwork2024({ name: 'copy' }))])).toEqual([
      { id: 'BP-3', scenario: 'leave-open', robust: true, disagree: [] },
    ]);
  });
});
