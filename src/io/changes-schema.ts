import { z } from 'zod';
import { contractSchema } from './history-schema.js';

const contractRef = z
  .union([z.string().trim().min(1), z.int()], {
    error: (issue) =>
      issue.input === undefined
        ? 'missing (required: the id of a contract in the history)'
        : `expected a contract id, got ${JSON.stringify(issue.input)}`,
  })
  .transform(String)
  .meta({ description: 'The id of a contract in the history.' });

const name = z.string().trim().min(1, { error: 'must not be empty' });

const c = contractSchema.shape;

/** Field changes: any contract field but `id`; `null` removes an optional field. */
const fieldsSchema = z.strictObject({
  id: z.unknown().optional(),
  client: c.client.optional(),
  title: c.title.unwrap().nullable().optional(),
  type: c.type.optional(),
  status: c.status.optional(),
  start: c.start.optional(),
  end: c.end.unwrap().nullable().optional(),
  earnings: c.earnings.unwrap().optional(),
  refunded: c.refunded.unwrap().optional(),
  payments: c.payments.unwrap().nullable().optional(),
  firstPayment: c.firstPayment.unwrap().nullable().optional(),
  lastPayment: c.lastPayment.unwrap().nullable().optional(),
  endedBy: c.endedBy.unwrap().nullable().optional(),
  endReason: c.endReason.unwrap().nullable().optional(),
  feedback: c.feedback.unwrap().nullable().optional(),
  dispute: c.dispute.unwrap().optional(),
  clientSuspended: c.clientSuspended.unwrap().optional(),
  notes: c.notes.unwrap().nullable().optional(),
});

/** A changes file (DESIGN §6): one alternative future for `jss whatif`. */
export const changesSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema of this file, for editors; ignored.' }),
    name: name.optional().meta({ description: 'The name of this alternative; default: the file name.' }),
    set: z
      .array(
        z.strictObject({
          contract: contractRef,
          scenario: name.meta({ description: 'A scenario of the rule set (jss rules show NAME).' }),
          outcome: name
            .optional()
            .meta({ description: "One of the scenario's outcomes; default: its first." }),
        }),
      )
      .optional()
      .meta({ description: 'Scenario outcomes for open contracts.' }),
    change: z
      .array(z.strictObject({ contract: contractRef, fields: fieldsSchema }))
      .optional()
      .meta({ description: 'Plain field changes of existing contracts; null removes an optional field.' }),
    add: z.array(contractSchema).optional().meta({ description: 'New contracts, in the history format.' }),
  })
  .meta({
    title: 'jss changes',
    description: 'An alternative future for jss whatif: change, then set, then add.',
  });
