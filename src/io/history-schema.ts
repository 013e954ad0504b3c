import { z } from 'zod';
import { FIRST_YEAR, isDateInRange, isIsoDate, LAST_YEAR } from '../core/dates.js';
import {
  CONTRACT_TYPES,
  type Contract,
  DISPUTES,
  END_REASONS,
  ENDED_BY,
  type History,
  STATUSES,
} from '../core/types.js';

export { historyProblems } from './history-checks.js';

const REASONS_HELP =
  'completed, no-longer-needed, hired-different, unresponsive, misrepresented-skills, unprofessional, ' +
  'quality, client-unresponsive, completed-unsuccessfully, dormant, other';

function isoDate(description: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'missing (required: a date, YYYY-MM-DD)'
          : `expected a date as YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
    })
    .refine(isIsoDate, {
      error: (issue) => `${JSON.stringify(issue.input)} is not a real calendar date`,
      params: { code: 'invalid-date', hint: 'write dates as YYYY-MM-DD, e.g. 2026-02-28' },
      abort: true,
    })
    .refine(isDateInRange, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is outside the years jss handles, ${FIRST_YEAR}–${LAST_YEAR}`,
      params: { code: 'date-out-of-range', hint: 'check the year' },
    })
    .meta({ description, format: 'date' });
}

/** The largest amount of money a history may hold (DESIGN §1). */
export const MAX_MONEY = 1_000_000_000;

function money(description: string) {
  return z
    .number()
    .min(0, { error: (issue) => `${issue.input} is negative; money is USD ≥ 0` })
    .max(MAX_MONEY, { error: (issue) => `${issue.input} is more than USD 1,000,000,000, the most jss takes` })
    .default(0)
    .meta({ description });
}

const paymentSchema = z.strictObject({
  date: isoDate('Day the payment was made (YYYY-MM-DD).'),
  amount: z
    .number()
    .positive({ error: (issue) => `${issue.input} is not a payment; amounts are > 0` })
    .max(MAX_MONEY, { error: (issue) => `${issue.input} is more than USD 1,000,000,000, the most jss takes` })
    .meta({ description: 'Gross amount paid, USD, > 0.' }),
});

function privateProblem(input: unknown): string {
  if (typeof input !== 'number')
    return `expected a whole number 0..10 or \`none\`, got ${JSON.stringify(input)}`;
  if (!Number.isInteger(input)) return `${input} is not a whole number; private feedback is 0..10`;
  return `${input} is ${input < 0 ? 'below 0' : 'above 10'}; private feedback is 0..10`;
}

const feedbackGivenSchema = z
  .strictObject({
    public: z
      .number()
      .min(1, { error: (issue) => `${issue.input} stars is below 1; public feedback is 1..5 stars` })
      .max(5, { error: (issue) => `${issue.input} stars is above 5; public feedback is 1..5 stars` })
      .optional()
      .meta({ description: 'Public feedback: 1..5 stars, decimals allowed (e.g. 4.75).' }),
    private: z
      .union(
        [
          z.literal('none'),
          z
            .number()
            .int({ error: (issue) => `${issue.input} is not a whole number; private feedback is 0..10` })
            .min(0, { error: (issue) => `${issue.input} is below 0; private feedback is 0..10` })
            .max(10, { error: (issue) => `${issue.input} is above 10; private feedback is 0..10` }),
        ],
        { error: (issue) => privateProblem(issue.input) },
      )
      .optional()
      .meta({
        description:
          'Private "how likely to recommend" score, a whole number 0..10, or `none` when the client left none. Freelancers never see it, so it is usually absent (unknown) or a guess.',
      }),
  })
  .refine((f) => f.public !== undefined || f.private !== undefined, {
    message: 'feedback gives no rating',
    params: {
      code: 'feedback-without-rating',
      hint: 'write public and/or private, or `feedback: none` if the contract ended without feedback',
    },
    when: (payload) => payload.issues.length === 0,
  });

export const contractSchema = z.strictObject({
  id: z
    .union([z.string().trim().min(1), z.int()], {
      error: (issue) =>
        issue.input === undefined
          ? 'missing (required: the contract id, text or a whole number)'
          : `expected the contract id as text or a whole number, got ${JSON.stringify(issue.input)}`,
    })
    .transform(String)
    .meta({
      description: 'Unique id of the contract (e.g. the Upwork contract number); numbers are kept as text.',
    }),
  client: z
    .string()
    .trim()
    .min(1, { error: 'the client is empty; name the client (the same name means the same client)' })
    .meta({ description: 'The client; contracts with the same client name belong to the same client.' }),
  title: z.string().optional().meta({ description: 'Job title, for your own reading.' }),
  type: z.enum(CONTRACT_TYPES).meta({ description: 'Required: hourly or fixed (price).' }),
  status: z.enum(STATUSES).meta({ description: 'Required: active, paused or ended.' }),
  start: isoDate("Day the contract started (YYYY-MM-DD); not after the history's date."),
  end: isoDate('Day the contract ended: required when status is ended, forbidden otherwise.').optional(),
  earnings: money('Gross total paid so far, USD; default 0.'),
  refunded: money('Refunded to the client, USD, at most earnings; default 0.'),
  payments: z.array(paymentSchema).optional().meta({
    description:
      "Every payment: amounts summing to earnings, dates within start..end (or the history's date).",
  }),
  firstPayment: isoDate('Day of the first payment, when there is no payments list.').optional(),
  lastPayment: isoDate('Day of the latest payment, when there is no payments list.').optional(),
  endedBy: z
    .enum(ENDED_BY)
    .optional()
    .meta({ description: 'Ended contracts only: who ended it (client, freelancer or upwork).' }),
  endReason: z
    .enum(END_REASONS)
    .optional()
    .meta({ description: `Ended contracts only: the reason code (${REASONS_HELP}).` }),
  feedback: z
    .union([z.literal('none'), feedbackGivenSchema], {
      error: (issue) =>
        issue.input === undefined
          ? undefined
          : `expected \`none\` or a mapping with public and/or private, got ${JSON.stringify(issue.input)}`,
    })
    .optional()
    .meta({
      description:
        'Omit when unknown; `none` when the contract ended without feedback; else { public: 1..5, private: 0..10 }.',
    }),
  dispute: z.enum(DISPUTES).default('none').meta({ description: 'none, won, lost or settled.' }),
  clientSuspended: z
    .boolean()
    .default(false)
    .meta({ description: 'Upwork suspended the client of this contract for a terms violation.' }),
  notes: z.string().optional().meta({ description: 'Free text, for your own reading.' }),
}) satisfies z.ZodType<Contract>;

export const observationSchema = z.strictObject({
  date: isoDate("Day you saw the score (YYYY-MM-DD); unique; not after the history's date."),
  jss: z
    .union(
      [
        z.null(),
        z
          .number()
          .int({ error: (issue) => `${issue.input} is not a whole number; a JSS is 0..100` })
          .min(0, { error: (issue) => `${issue.input} is below 0; a JSS is 0..100` })
          .max(100, { error: (issue) => `${issue.input} is above 100; a JSS is 0..100` }),
      ],
      {
        error: (issue) =>
          issue.input === undefined
            ? 'missing (required: the JSS you saw, 0..100, or null when no score was shown)'
            : `expected the JSS as a whole number 0..100, or null for "no score shown", got ${JSON.stringify(issue.input)}`,
      },
    )
    .meta({ description: 'The JSS Upwork showed: a whole number 0..100, or null when no score was shown.' }),
  note: z.string().optional().meta({ description: 'Free text, for your own reading.' }),
});

const historyObjectSchema = z.strictObject({
  $schema: z
    .string()
    .optional()
    .meta({ description: 'JSON Schema of this file, for editors; ignored by jss.' }),
  version: z
    .literal(1, {
      error: (issue) => `version ${JSON.stringify(issue.input)} is not supported; this jss reads version 1`,
    })
    .default(1)
    .meta({ description: 'Format version; only 1 exists.' }),
  asOf: isoDate(
    "The history's date (YYYY-MM-DD): no fact in the file is later; default: today (UTC). --as-of evaluates another day.",
  ).optional(),
  freelancer: z.string().optional().meta({ description: 'Whose history this is; a label.' }),
  contracts: z
    .array(contractSchema)
    .meta({ description: 'Every contract, in any order; an empty list is valid (no score is shown).' }),
  observed: z.array(observationSchema).optional().meta({
    description:
      "The JSS Upwork showed you, on the day you saw it: dates unique and not after the history's date.",
  }),
});

/** A contract history file: the shape, with defaults applied, before the checks across fields. */
export const historySchema = historyObjectSchema
  .transform(({ $schema: _schema, ...history }): History => history)
  .meta({ title: 'jss contract history', description: 'An Upwork contract history for jss (YAML or JSON).' });

/** The JSON Schema of a history file as written (the input side), for editors. */
export function contractsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(historySchema, { io: 'input' });
}
