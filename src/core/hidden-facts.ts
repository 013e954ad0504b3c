import { type Contract, END_REASONS, type Feedback, type FeedbackGiven, type RuleSet } from './types.js';

/**
 * The facts of an ended contract that a freelancer cannot see (DESIGN §8): its private rating when
 * the feedback has none written, its whole feedback when `feedback` is omitted, and the reason the
 * client gave when the client ended it (or `endedBy` is missing) and no reason is written.
 */
export interface HiddenFacts {
  /** `feedback` is an object without `private`. */
  privateRating: boolean;
  /** `feedback` is omitted. */
  feedback: boolean;
  endReason: boolean;
}

export function hiddenFacts(c: Contract): HiddenFacts | undefined {
  if (c.status !== 'ended') return undefined;
  const feedback = c.feedback === undefined;
  const privateRating = typeof c.feedback === 'object' && c.feedback.private === undefined;
  const endReason = (c.endedBy === 'client' || c.endedBy === undefined) && c.endReason === undefined;
  return feedback || privateRating || endReason ? { privateRating, feedback, endReason } : undefined;
}

/** Private ratings a hidden one may have: none (absent) or 0..10. */
const PRIVATE_VALUES: (number | undefined)[] = [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * Public stars to try: every bound of a `public` range in the rule set's `classify` that lies in
 * 1..5, 1 and 5 themselves, and a point strictly between each two consecutive ones. A matcher's
 * ranges are inclusive, so whether a star value is in a range changes only at a bound: every
 * value from 1 to 5 matches exactly the same ranges as one of these points.
 */
export function starPoints(rules: RuleSet): number[] {
  const bounds = new Set<number>([1, 5]);
  for (const rule of rules.classify) {
    const range = rule.when.public;
    if (range === undefined || range === 'unknown') continue;
    for (const b of [range.min, range.max]) if (b !== undefined && b >= 1 && b <= 5) bounds.add(b);
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const points: number[] = [];
  sorted.forEach((b, k) => {
    if (k > 0) points.push((sorted[k - 1] + b) / 2);
    points.push(b);
  });
  return points;
}

function feedbackValues(c: Contract, hidden: HiddenFacts, rules: RuleSet): (Feedback | undefined)[] {
  if (hidden.feedback) {
    const given: Feedback[] = [];
    for (const stars of [undefined, ...starPoints(rules)]) {
      for (const rating of PRIVATE_VALUES) {
        const f: FeedbackGiven = {};
        if (stars !== undefined) f.public = stars;
        if (rating !== undefined) f.private = rating;
        given.push(f);
      }
    }
    return [undefined, 'none', ...given];
  }
  const written = c.feedback;
  if (hidden.privateRating && typeof written === 'object') {
    return [
      written,
      ...PRIVATE_VALUES.filter((r) => r !== undefined).map((r) => ({ ...written, private: r })),
    ];
  }
  return [written];
}

/**
 * The contract under every value of its hidden facts: the file's own reading first (the contract
 * as written), then the others. Stars take the values of `starPoints`, so two values that no
 * matcher of the rule set can tell apart appear once.
 */
export function contractReadings(c: Contract, hidden: HiddenFacts, rules: RuleSet): Contract[] {
  const reasons = hidden.endReason ? [undefined, ...END_REASONS] : [c.endReason];
  const out: Contract[] = [];
  for (const feedback of feedbackValues(c, hidden, rules)) {
    for (const endReason of reasons) {
      const variant: Contract = { ...c };
      if (feedback === undefined) delete variant.feedback;
      else variant.feedback = feedback;
      if (endReason === undefined) delete variant.endReason;
      else variant.endReason = endReason;
      out.push(variant);
    }
  }
  return out;
}
