import { z } from 'zod';

/**
 * The shape of every `--json` document (DESIGN §5, §6, §8), as zod schemas: `jss schema report` prints
 * them as JSON Schema, and the tests parse real output with them so the two cannot drift apart.
 */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'a calendar date, YYYY-MM-DD' });
const jss = z
  .number()
  .int()
  .min(0)
  .max(100)
  .nullable()
  .meta({ description: 'the whole-percent JSS; null when not shown' });
const score = z
  .number()
  .min(0)
  .max(100)
  .nullable()
  .meta({ description: 'the exact score, 9 decimal places' });
const delta = z
  .number()
  .int()
  .nullable()
  .meta({ description: 'jss − the baseline jss; null when either is not shown' });
const rulesRef = z.strictObject({
  name: z.string(),
  source: z.string().meta({ description: '"builtin" or the path of a rule file' }),
});
const headline = { jss, score, window: z.string().nullable() };

const windowResult = z.strictObject({
  name: z.string(),
  from: date.nullable().meta({ description: 'first day in the window; null for average windows' }),
  eligible: z.boolean(),
  score,
  success: z.number().nullable(),
  neutral: z.number().nullable(),
  negative: z.number().nullable(),
  total: z.number().nullable(),
  outcomes: z.number().int().nullable(),
  clients: z.number().int().nullable(),
});

const contractResult = z.strictObject({
  id: z.string(),
  client: z.string(),
  status: z.enum(['active', 'paused', 'ended']),
  outcome: z.enum(['success', 'neutral', 'negative', 'excluded', 'pending']),
  rule: z.string().meta({ description: 'the classify rule that decided the outcome' }),
  weight: z.number(),
  countedFrom: date.nullable(),
  windows: z.array(z.string()),
});

const figures = z.strictObject({ jss, delta });
const pending = z.strictObject({
  id: z.string(),
  scenarios: z.array(
    z.strictObject({
      name: z.string(),
      label: z.string(),
      outcomes: z.array(
        z.strictObject({
          name: z.string(),
          now: figures,
          horizon: z.strictObject({ date, jss, delta }),
        }),
      ),
      best: jss,
      worst: jss,
    }),
  ),
  recommendation: z.strictObject({ scenario: z.string(), why: z.string() }),
});

const warning = z.strictObject({ code: z.string(), contract: z.string().optional(), message: z.string() });

const estimateBody = {
  asOf: date,
  rules: rulesRef,
  ...headline,
  shown: z.boolean(),
  windows: z.array(windowResult),
  badges: z.array(z.strictObject({ name: z.string(), min: z.number(), met: z.boolean() })),
  next: z
    .strictObject({
      date,
      from: jss.meta({ description: 'the JSS the day before; null for not shown' }),
      to: jss.meta({ description: 'the JSS on that day; null for not shown' }),
      events: z.array(
        z.strictObject({
          contract: z.string(),
          window: z.string().nullable(),
          what: z.enum(['enters', 'leaves', 'turns-idle']),
        }),
      ),
    })
    .nullable()
    .meta({
      description:
        'the first day after the evaluation date (within 24 months) on which the JSS changes, the history held as it is; null when it does not',
    }),
  contracts: z.array(contractResult),
  incomplete: z.array(z.string()).meta({
    description:
      'ids of contracts ended on or before the evaluation date, with no feedback written, that count in the shownWhen window: the JSS is provisional until they have it',
  }),
  pending: z.array(pending),
  observed: z
    .array(
      z.strictObject({
        date,
        jss: jss.meta({ description: 'the JSS Upwork showed; null: no score shown' }),
        model: jss.meta({ description: 'the JSS the history gives that day; null: not shown' }),
      }),
    )
    .meta({ description: 'the observations up to the evaluation date, oldest first' }),
  warnings: z.array(warning),
};

const whatifBody = {
  asOf: date,
  at: date,
  rules: rulesRef,
  baseline: z.strictObject(headline),
  alternatives: z.array(z.strictObject({ name: z.string(), ...headline, delta })),
};

const forecastBody = {
  asOf: date,
  rules: rulesRef,
  series: z.array(z.strictObject({ date, ...headline })),
  crossings: z.array(
    z.strictObject({
      threshold: z.number().nullable().meta({ description: 'null: the score appears or disappears' }),
      date,
      direction: z.enum(['up', 'down']),
    }),
  ),
  events: z.array(
    z.strictObject({
      date,
      contract: z.string(),
      window: z.string().nullable(),
      what: z.enum(['enters', 'leaves', 'turns-idle']),
    }),
  ),
  observed: z
    .array(
      z.strictObject({ date, jss: jss.meta({ description: 'the JSS Upwork showed; null: no score shown' }) }),
    )
    .optional()
    .meta({ description: 'with --from: the observations in the series span, up to the evaluation date' }),
};

const planBody = {
  asOf: date,
  rules: rulesRef,
  target: z.number(),
  now: z.strictObject({ jss, holdsUntil: date.nullable() }),
  byTimeAlone: date.nullable(),
  byTimeAloneHoldsUntil: date.nullable(),
  jobsNeeded: z.number().int().nullable(),
  afterJobs: z.strictObject({ jss, window: z.string().nullable(), holdsUntil: date.nullable() }).nullable(),
};

const verdict = z.strictObject({
  rule: z.string().meta({ description: 'the classify rule that decides the contract on its end date' }),
  outcome: z.enum(['success', 'neutral', 'negative', 'excluded', 'pending']),
});
const jssRange = z.strictObject({
  min: jss.meta({ description: 'the lowest JSS; null (no score shown) ranks below 0' }),
  max: jss,
});
const inferBody = {
  asOf: date,
  rules: rulesRef,
  fits: z.boolean().nullable().meta({
    description: 'whether some reading of the hidden facts gives every observed score; null: not settled',
  }),
  complete: z.boolean().meta({ description: 'false when the search ran out of its step budget' }),
  observations: z.array(
    z.strictObject({
      date,
      jss: jss.meta({ description: 'the JSS you saw; null for "no score shown"' }),
      model: jss.meta({ description: "the JSS the file's own reading gives that day" }),
      range: jssRange
        .nullable()
        .meta({ description: 'the lowest and highest JSS any reading gives that day; null: not settled' }),
    }),
  ),
  hidden: z.array(
    z.strictObject({
      contract: z.string(),
      client: z.string(),
      end: date,
      possible: z.array(verdict),
      ruledOut: z.array(verdict),
      unresolved: z.array(verdict),
    }),
  ),
  explanations: z
    .strictObject({
      changes: z
        .number()
        .int()
        .meta({ description: "the fewest contracts whose outcome differs from the file's reading" }),
      readings: z.array(
        z.array(
          z.strictObject({
            contract: z.string(),
            outcome: z.enum(['success', 'neutral', 'negative', 'excluded', 'pending']),
          }),
        ),
      ),
      more: z
        .number()
        .int()
        .meta({ description: 'how many more minimal sets there are beyond the first 20' }),
    })
    .nullable(),
  now: jssRange.nullable().meta({ description: 'the JSS on the evaluation date over consistent readings' }),
  between: z.array(
    z.strictObject({
      from: date,
      to: date,
      events: z.array(
        z.strictObject({
          date,
          contract: z.string(),
          window: z.string().nullable(),
          what: z.enum(['enters', 'leaves', 'turns-idle']),
        }),
      ),
    }),
  ),
};

const consensus = z.array(
  z.strictObject({
    id: z.string(),
    scenario: z.string(),
    robust: z.boolean(),
    disagree: z.array(z.string()),
  }),
);

function documents<C extends string, B extends z.ZodRawShape>(
  command: C,
  body: B,
  extra: z.ZodRawShape = {},
) {
  const envelope = { schemaVersion: z.literal(1), command: z.literal(command) };
  return [
    z.strictObject({ ...envelope, ...body }).meta({ title: `${command} (one rule set)` }),
    z.strictObject({ ...envelope, reports: z.array(z.strictObject(body)), ...extra }).meta({
      title: `${command} (several rule sets)`,
    }),
  ] as const;
}

const rulesList = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal('rules'),
  ruleSets: z.array(z.strictObject({ name: z.string(), summary: z.string(), default: z.boolean() })),
});

const problem = z.strictObject({
  file: z
    .string()
    .nullable()
    .meta({ description: 'the file as named on the command line; null when none applies' }),
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
  path: z.string().nullable().meta({ description: 'the data path, like contracts[3].end' }),
  code: z.string().meta({ description: 'a stable name for the kind of problem (see docs/problem-codes.md)' }),
  message: z.string(),
  hint: z.string().nullable(),
});

/** What `--json` prints on exit 2 (bad usage, input, rules, a refusal, a failed write), as well as the message on stderr. */
const errorDocument = z
  .strictObject({
    schemaVersion: z.literal(1),
    command: z.enum(['estimate', 'whatif', 'forecast', 'plan', 'infer', 'report', 'validate', 'rules']),
    error: z.strictObject({ problems: z.array(problem).min(1) }),
  })
  .meta({ title: 'error (exit 2)' });

export const reportSchemas = {
  estimate: documents('estimate', estimateBody, { consensus }),
  whatif: documents('whatif', whatifBody),
  forecast: documents('forecast', forecastBody),
  plan: documents('plan', planBody),
  infer: documents('infer', inferBody, {
    fits: z
      .record(z.string(), z.boolean().nullable())
      .meta({ description: 'per rule set name: whether the observations fit' }),
  }),
  /** `jss rules list --json`; `rules show --json` prints a rule set itself (`jss schema rules`). */
  rules: [rulesList],
  validate: [
    z.strictObject({
      schemaVersion: z.literal(1),
      command: z.literal('validate'),
      file: z.string(),
      valid: z.literal(true),
      asOf: date,
      contracts: z.number().int(),
      clients: z.number().int(),
      open: z.number().int(),
    }),
  ],
  error: [errorDocument],
};

export const reportSchema = z.union(Object.values(reportSchemas).flat()).meta({
  title: 'jss --json output',
  description: 'Every document `jss ... --json` prints (schemaVersion 1).',
});

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { io: 'output' });
}
