import type { Contract, History } from '../../src/core/types.js';

let counter = 0;

/** An ended, paid, well-rated contract unless told otherwise; every default can be overridden. */
export function contract(fields: Partial<Contract> = {}): Contract {
  counter++;
  const status = fields.status ?? 'ended';
  const base: Contract = {
    id: `T${counter}`,
    client: `client-${counter}`,
    type: 'fixed',
    status,
    start: '2026-01-01',
    earnings: 500,
    refunded: 0,
    dispute: 'none',
    clientSuspended: false,
  };
  if (status === 'ended') {
    base.end = '2026-02-01';
    base.endedBy = 'client';
    base.endReason = 'completed';
    base.feedback = { public: 5, private: 10 };
    base.firstPayment = '2026-01-15';
    base.lastPayment = '2026-02-01';
  }
  const merged = { ...base, ...fields };
  if (merged.earnings === 0 || (fields.payments && !fields.firstPayment && !fields.lastPayment)) {
    delete merged.firstPayment;
    delete merged.lastPayment;
  }
  return merged;
}

export function history(contracts: Contract[], asOf = '2026-11-26'): History {
  return { version: 1, asOf, contracts };
}

/** An ended contract for its own client, started, paid and ended on `end` ($500: weight 1.25, 5★/10). */
export function endedOn(id: string, end: string, fields: Partial<Contract> = {}): Contract {
  return contract({
    id,
    client: `client-${id}`,
    start: end,
    end,
    firstPayment: end,
    lastPayment: end,
    ...fields,
  });
}
