import type { History } from './types.js';

/** What `jss validate` reports about a valid history. */
export interface HistorySummary {
  contracts: number;
  clients: number;
  /** Active or paused contracts. */
  open: number;
}

export function summarizeHistory(history: History): HistorySummary {
  const clients = new Set<string>();
  let open = 0;
  for (const c of history.contracts) {
    clients.add(c.client);
    if (c.status !== 'ended') open++;
  }
  return { contracts: history.contracts.length, clients: clients.size, open };
}
