import type { PendingContract } from './scenarios.js';

export interface Consensus {
  id: string;
  /** The first rule set's recommendation. */
  scenario: string;
  /** Every rule set recommends it. */
  robust: boolean;
  /** The rule sets that recommend something else. */
  disagree: string[];
}

/**
 * Per open contract, whether the rule sets agree on the recommendation (DESIGN §4). The first
 * report's recommendation is the one compared against.
 */
export function consensus(
  reports: readonly { rules: { name: string }; pending: PendingContract[] }[],
): Consensus[] {
  if (reports.length === 0) return [];
  const [first, ...others] = reports;
  return first.pending.map((p) => {
    const scenario = p.recommendation.scenario;
    const disagree = others
      .filter((r) => r.pending.find((q) => q.id === p.id)?.recommendation.scenario !== scenario)
      .map((r) => r.rules.name);
    return { id: p.id, scenario, robust: disagree.length === 0, disagree };
  });
}
