import { z } from 'zod';
import {
  CONTRACT_TYPES,
  DISPUTES,
  END_REASONS,
  ENDED_BY,
  OUTCOMES,
  type RuleSet,
  STATUSES,
  type WindowDef,
} from '../core/types.js';
import type { PathProblem } from '../io/path-problems.js';

// ---- building blocks -------------------------------------------------------------------------

const identifier = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '_' and '-' (no spaces, ':' or ',')");

const wholeAtLeastOne = z
  .number()
  .refine((n) => Number.isInteger(n) && n >= 1, 'must be a whole number ≥ 1')
  .meta({ type: 'integer', minimum: 1 });

const percent = z.number().min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100');

const notAnObject = (message: string) => (issue: { input?: unknown }) =>
  typeof issue.input === 'object' && issue.input !== null ? undefined : message;

const range = z
  .strictObject({
    min: z.number().optional().meta({ description: 'smallest value that matches (inclusive)' }),
    max: z.number().optional().meta({ description: 'largest value that matches (inclusive)' }),
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min is larger than max');

const rangeOrUnknown = (what: string) =>
  z
    .union([z.literal('unknown'), range], {
      error: notAnObject('expected a range like { min: 4.5 } or "unknown"'),
    })
    .optional()
    .meta({
      description: `${what}: a range { min, max } (inclusive; never matches a missing value), or "unknown"`,
    });

const endReason = z.enum(END_REASONS);

// ---- matchers and rules ----------------------------------------------------------------------

export const matcherSchema = z
  .strictObject({
    status: z.enum(STATUSES).optional(),
    type: z.enum(CONTRACT_TYPES).optional(),
    open: z.boolean().optional().meta({ description: 'the contract is active or paused' }),
    idle: z.boolean().optional().meta({ description: 'open, and no payment for idle.afterDays days' }),
    longTermClient: z
      .boolean()
      .optional()
      .meta({ description: "the client's payments span more than longTerm.minSpanDays" }),
    clientSuspended: z.boolean().optional(),
    endedBy: z.enum(ENDED_BY).optional(),
    endReason: z
      .union([endReason, z.array(endReason).min(1, 'list at least one reason')])
      .optional()
      .meta({ description: 'a reason code, or a list of them (any one matches)' }),
    dispute: z.enum(DISPUTES).optional(),
    feedback: z
      .enum(['none', 'given', 'unknown'])
      .optional()
      .meta({ description: 'none = ended with no feedback; given = some feedback; unknown = not recorded' }),
    earnings: rangeOrUnknown('net earnings (earnings − refunded), USD'),
    public: rangeOrUnknown('public feedback, 1–5 stars'),
    private: rangeOrUnknown('private feedback, 0–10'),
  })
  .meta({ description: 'every key given must hold; {} matches every contract' });

const classifyRule = z.strictObject({
  name: identifier.meta({ description: 'shown beside every contract this rule decides' }),
  when: matcherSchema,
  outcome: z.enum(OUTCOMES),
  basis: z
    .string()
    .optional()
    .meta({ description: 'the published fact or the assumption this rule stands on, in words' }),
});

const windowDef = z
  .strictObject({
    name: identifier,
    months: wholeAtLeastOne
      .optional()
      .meta({ description: 'a trailing window of this many calendar months' }),
    average: z
      .array(identifier)
      .min(2, 'name at least two month windows to average')
      .optional()
      .meta({ description: 'the average of these month windows (listed above this one)' }),
    display: z.boolean().optional().meta({ description: 'false: used only inside an average, never shown' }),
  })
  .meta({ description: 'a window: exactly one of months or average' });

const tier = z.strictObject({
  upTo: z
    .number()
    .min(0, 'must be 0 or more')
    .optional()
    .meta({ description: 'net earnings up to this amount (USD)' }),
  weight: z
    .number()
    .min(0.01, 'must be from 0.01 to 1,000')
    .max(1000, 'must be from 0.01 to 1,000')
    .meta({ description: 'the weight of a contract in this tier, 0.01 to 1,000' }),
});

const feedback = z
  .union(
    [
      z.literal('none'),
      z
        .strictObject({
          public: z.number().min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5').optional(),
          private: z
            .number()
            .refine((n) => Number.isInteger(n) && n >= 0 && n <= 10, 'must be a whole number from 0 to 10')
            .meta({ type: 'integer', minimum: 0, maximum: 10 })
            .optional(),
        })
        .refine(
          (f) => f.public !== undefined || f.private !== undefined,
          'give public and/or private, or none',
        ),
    ],
    { error: notAnObject('expected none or { public, private }') },
  )
  .meta({ description: 'replaces the contract feedback whole: none, or { public: 1–5, private: 0–10 }' });

const scenario = z.strictObject({
  name: identifier,
  label: z.string().min(1, 'must not be empty').meta({ description: 'the action in words' }),
  when: matcherSchema
    .optional()
    .meta({ description: 'offered only for open contracts this matches on the evaluation date' }),
  set: z
    .strictObject({
      status: z.enum(STATUSES).optional(),
      endedBy: z.enum(ENDED_BY).optional(),
      endReason: endReason.optional(),
      dispute: z.enum(DISPUTES).optional(),
    })
    .optional()
    .meta({ description: 'fields the action sets on the contract' }),
  payments: z.literal('continue').optional().meta({
    description:
      'continue: the contract keeps being paid at its own rhythm (median gap of its payments, else 7 days hourly, 30 fixed) up to the day scored',
  }),
  outcomes: z
    .array(
      z.strictObject({
        name: identifier,
        label: z.string().optional(),
        feedback: feedback.optional(),
      }),
    )
    .min(1, 'a scenario needs at least one outcome'),
});

const badge = z.strictObject({
  name: identifier,
  min: percent.meta({ description: 'the JSS a badge needs' }),
});

// ---- whole files -----------------------------------------------------------------------------

/** Every key of a rule set; a file may leave any of them to what it `extends`. */
const fields = {
  name: z
    .string()
    .min(1, 'must not be empty')
    .meta({ description: 'defaults to the file name without extension' }),
  summary: z.string().min(1, 'must not be empty'),
  sources: z.array(z.string()).meta({ description: 'addresses of the published facts the rules rest on' }),
  assumptions: z.array(z.string()).meta({ description: 'everything the rules assume that is not published' }),
  formula: z
    .enum(['net', 'ratio'])
    .meta({ description: 'net: max(0, success − negative) / total; ratio: success / total' }),
  rounding: z.enum(['round', 'floor']).meta({ description: 'how the displayed JSS becomes a whole percent' }),
  windows: z.array(windowDef).min(1, 'list at least one window'),
  select: z.literal('best').meta({ description: 'the displayed JSS is the best eligible displayed window' }),
  shownWhen: z
    .strictObject({ window: identifier })
    .meta({ description: 'no JSS is shown unless this window is eligible' }),
  eligibility: z.strictObject({ minOutcomes: wholeAtLeastOne, minClients: wholeAtLeastOne }),
  weights: z.strictObject({
    tiers: z
      .array(tier)
      .min(1, 'list at least one tier')
      .meta({ description: 'the first tier whose upTo ≥ net earnings' }),
    periodDays: wholeAtLeastOne.meta({ description: 'one extra job per this many days of regular payments' }),
    max: z
      .number()
      .min(1, 'must be from 1 to 1,000')
      .max(1000, 'must be from 1 to 1,000')
      .meta({ description: 'the largest weight a contract can have' }),
  }),
  longTerm: z.strictObject({ minSpanDays: wholeAtLeastOne }),
  idle: z.strictObject({ afterDays: wholeAtLeastOne }),
  classify: z.array(classifyRule).min(1, 'list at least one rule').meta({ description: 'first match wins' }),
  badges: z.array(badge),
  thresholds: z.array(percent).meta({ description: 'JSS lines that forecasts report crossings of' }),
  scenarios: z.array(scenario).meta({ description: 'what-if actions for open contracts' }),
};

/** A rule FILE: every key optional (inherited through `extends`), objects partial. */
export const ruleFileSchema = z
  .strictObject({
    extends: z
      .string()
      .min(1, 'must not be empty')
      .optional()
      .meta({ description: 'a built-in rule set name or a path (relative to this file) to inherit from' }),
    ...fields,
    shownWhen: fields.shownWhen.partial(),
    eligibility: fields.eligibility.partial(),
    weights: fields.weights.partial(),
    longTerm: fields.longTerm.partial(),
    idle: fields.idle.partial(),
    addScenarios: z.array(scenario).meta({ description: 'scenarios appended to the inherited catalog' }),
  })
  .partial()
  .meta({
    title: 'jss rule set',
    description: 'A jss rule set: how contracts become outcomes, weights and a Job Success Score.',
  });

export type RuleFile = z.output<typeof ruleFileSchema>;

const everyKey = z.strictObject(fields);

/** A window before the checks: months or average (or, wrongly, both or neither). */
interface UncheckedWindow {
  name: string;
  months?: number;
  average?: string[];
  display?: boolean;
}

/** What the checks across fields read: a rule set whose windows are not yet known to be well-formed. */
export type UncheckedRules = Omit<RuleSet, 'windows'> & { windows: readonly UncheckedWindow[] };

/**
 * The rule set after `extends` is resolved: every key present, then the checks across fields
 * (ruleSetProblems, as issues with their own codes); its output is the core's `RuleSet`.
 */
export const resolvedRuleSetSchema = everyKey
  .superRefine((rules, ctx) => {
    for (const p of ruleSetProblems(rules)) {
      ctx.addIssue({
        code: 'custom',
        path: p.path,
        message: p.message,
        params: { code: p.code, hint: p.hint },
      });
    }
  })
  .transform(
    (rules): RuleSet => ({ ...rules, windows: rules.windows.flatMap(coreWindow) }),
  ) satisfies z.ZodType<RuleSet>;

/** A window as the core takes it: one of months or average (checked before, in windowProblems). */
function coreWindow(w: UncheckedWindow): WindowDef[] {
  const { name, months, average, display } = w;
  const shown = display === undefined ? {} : { display };
  if (months !== undefined && average === undefined) return [{ name, months, ...shown }];
  if (average !== undefined && months === undefined) return [{ name, average, ...shown }];
  return [];
}

/** JSON Schema of a rule file, for editors (`jss schema rules`). */
export function rulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ruleFileSchema, { io: 'input' });
}

// ---- checks across fields (after merging) ----------------------------------------------------

/** The constraints a schema cannot say: ordering, references, uniqueness, the catch-all rule. */
export function ruleSetProblems(rules: UncheckedRules): PathProblem[] {
  return [
    ...windowProblems(rules),
    ...tierProblems(rules),
    ...classifyProblems(rules),
    ...scenarioProblems(rules),
    ...duplicates(rules.badges, ['badges'], 'badge'),
  ];
}

function windowProblems(rules: UncheckedRules): PathProblem[] {
  const out = duplicates(rules.windows, ['windows'], 'window');
  const monthsAbove = new Set<string>();
  rules.windows.forEach((w, i) => {
    if ((w.months === undefined) === (w.average === undefined)) {
      out.push({
        path: ['windows', i],
        code: 'window-shape',
        message:
          w.months === undefined
            ? 'a window needs months or average'
            : 'a window has months or average, not both',
        hint: 'e.g. { name: 6m, months: 6 } or { name: trending, average: [6m, 3m] }',
      });
      return;
    }
    if (w.average !== undefined) {
      w.average.forEach((part, j) => {
        if (!monthsAbove.has(part)) {
          out.push({
            path: ['windows', i, 'average', j],
            code: 'unknown-window',
            message: `"${part}" is not a month window listed above this one`,
            hint: monthsAbove.size > 0 ? `month windows above: ${[...monthsAbove].join(', ')}` : undefined,
          });
        }
      });
    } else {
      monthsAbove.add(w.name);
    }
  });
  const names = rules.windows.map((w) => w.name);
  if (!names.includes(rules.shownWhen.window)) {
    out.push({
      path: ['shownWhen', 'window'],
      code: 'unknown-window',
      message: `no window is named "${rules.shownWhen.window}"`,
      hint: `windows: ${names.join(', ')}`,
    });
  }
  return out;
}

function tierProblems(rules: UncheckedRules): PathProblem[] {
  const out: PathProblem[] = [];
  const tiers = rules.weights.tiers;
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    if (last && t.upTo !== undefined) {
      out.push({
        path: ['weights', 'tiers', i, 'upTo'],
        code: 'tier-order',
        message: 'the last tier takes every larger amount, so it has no upTo',
        hint: 'remove upTo here, or add a last tier like { weight: 1.5 }',
      });
    } else if (!last && t.upTo === undefined) {
      out.push({
        path: ['weights', 'tiers', i],
        code: 'tier-order',
        message: 'only the last tier may leave out upTo',
      });
    } else if (i > 0 && t.upTo !== undefined) {
      const before = tiers[i - 1].upTo;
      if (before !== undefined && t.upTo <= before) {
        out.push({
          path: ['weights', 'tiers', i, 'upTo'],
          code: 'tier-order',
          message: `upTo ${t.upTo} is not above the previous tier's ${before}`,
          hint: 'list tiers from the smallest amount to the largest',
        });
      }
    }
  });
  return out;
}

function classifyProblems(rules: UncheckedRules): PathProblem[] {
  const out = duplicates(rules.classify, ['classify'], 'rule');
  const last = rules.classify.length - 1;
  if (last >= 0 && Object.keys(rules.classify[last].when).length > 0) {
    out.push({
      path: ['classify', last, 'when'],
      code: 'classify-catch-all',
      message: 'the last rule must match every contract (when: {})',
      hint: 'add a last rule like { name: otherwise, when: {}, outcome: neutral }',
    });
  }
  return out;
}

function scenarioProblems(rules: UncheckedRules): PathProblem[] {
  const out = duplicates(rules.scenarios, ['scenarios'], 'scenario');
  rules.scenarios.forEach((s, i) => {
    out.push(...duplicates(s.outcomes, ['scenarios', i, 'outcomes'], 'outcome'));
  });
  return out;
}

function duplicates(items: readonly { name: string }[], path: PropertyKey[], what: string): PathProblem[] {
  const seen = new Map<string, number>();
  const out: PathProblem[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.name);
    if (first === undefined) seen.set(item.name, i);
    else {
      out.push({
        path: [...path, i, 'name'],
        code: 'duplicate-name',
        message: `another ${what} is already named "${item.name}" (${formatIndex(path, first)})`,
        hint: `give each ${what} its own name`,
      });
    }
  });
  return out;
}

function formatIndex(path: PropertyKey[], i: number): string {
  return `${String(path[path.length - 1])}[${i}]`;
}
