import type { Contract } from '../../src/core/types.js';

/**
 * DESIGN §4's `payments: continue`, written from DESIGN alone (Date arithmetic, BigInt cents),
 * to check the engine's version against: the contract keeps being paid on E + G, E + 2G, … up to
 * and including the day scored; G is the median gap (half up) between the distinct dates of its
 * payments list when it has two or more, else 7 (hourly) or 30 (fixed); each payment is gross
 * earnings × G ÷ (days from its first to its last payment + G), half up to the cent.
 */
export function referenceContinue(contract: Contract, evaluationDate: string, scored: string): Contract {
  const DAY = 86_400_000;
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
  const list = contract.payments ?? [];
  const distinct = [...new Set(list.map((p) => p.date))].sort();
  let g: number;
  if (distinct.length >= 2) {
    const gaps: number[] = [];
    for (let i = 1; i < distinct.length; i++) gaps.push(day(distinct[i]) - day(distinct[i - 1]));
    gaps.sort((a, b) => a - b);
    const n = gaps.length;
    // median; for an even count the mean of the two middle gaps, then half up (x.5 -> x + 1)
    g = n % 2 === 1 ? gaps[(n - 1) / 2] : Math.floor((gaps[n / 2 - 1] + gaps[n / 2]) / 2 + 0.5);
  } else g = contract.type === 'hourly' ? 7 : 30;
  if (contract.earnings <= 0) return contract;
  let first: string;
  let last: string;
  if (list.length > 0) {
    first = [...list.map((p) => p.date)].sort()[0];
    last = [...list.map((p) => p.date)].sort().at(-1) as string;
  } else {
    first = contract.firstPayment ?? contract.start;
    last = contract.lastPayment ?? evaluationDate;
  }
  const span = BigInt(day(last) - day(first));
  const cents = BigInt(Math.round(contract.earnings * 100));
  const denominator = span + BigInt(g);
  // half up: floor(x + 1/2) = floor((2·num + den) / (2·den))
  const pay = (2n * cents * BigInt(g) + denominator) / (2n * denominator);
  if (pay === 0n) return contract;
  const dates: string[] = [];
  for (let k = 1; day(evaluationDate) + k * g <= day(scored); k++)
    dates.push(iso(day(evaluationDate) + k * g));
  if (dates.length === 0) return contract;
  const earnings = Number(cents + pay * BigInt(dates.length)) / 100;
  const amount = Number(pay) / 100;
  if (list.length > 0)
    return { ...contract, earnings, payments: [...list, ...dates.map((date) => ({ date, amount }))] };
  return { ...contract, earnings, lastPayment: dates.at(-1) };
}
