import type { Contract } from '../../src/core/types.js';
import { contract } from './history.js';

/**
 * The forum question: a returning client (brightpath: two earlier contracts paid within 90 days of
 * each other, so not a long-term client) opened a new hourly contract, BP-3, that has paid nothing.
 * Leave it open, or have the client cancel it?
 */
export function forumContracts(): Contract[] {
  const ended = (id: string, client: string, start: string, end: string, earnings: number): Contract =>
    contract({
      id,
      client,
      start,
      end,
      firstPayment: end,
      lastPayment: end,
      earnings,
      feedback: { public: 5, private: 10 },
    });
  return [
    ended('AC-1', 'acme', '2025-09-01', '2025-10-15', 800),
    ended('GL-1', 'globex', '2026-02-01', '2026-03-20', 400),
    ended('IN-1', 'initech', '2026-04-01', '2026-04-30', 1200),
    contract({
      id: 'BP-1',
      client: 'brightpath',
      start: '2026-05-01',
      end: '2026-06-10',
      earnings: 600,
      payments: [
        { date: '2026-05-20', amount: 300 },
        { date: '2026-06-10', amount: 300 },
      ],
      feedback: { public: 5, private: 9 },
    }),
    ended('BP-2', 'brightpath', '2026-07-01', '2026-07-30', 300),
    contract({
      id: 'BP-3',
      client: 'brightpath',
      type: 'hourly',
      status: 'active',
      start: '2026-10-22',
      earnings: 0,
    }),
  ];
}
