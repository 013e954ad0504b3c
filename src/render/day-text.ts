import type { ForecastEvent } from '../core/forecast.js';

/**
 * What happens on a day, in words (forecast, plan and estimate's next change). Apart from the
 * forecast's chart, so that `estimate` does not load it.
 */

/** Contracts named on one line before "and N more". */
const MAX_CONTRACTS = 3;

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
}

/** `N leaves the 24m window; O turns idle and enters the 24m, 12m, 6m and 3m windows`. */
export function describeDay(events: readonly Pick<ForecastEvent, 'contract' | 'window' | 'what'>[]): string {
  const byContract = new Map<string, Pick<ForecastEvent, 'contract' | 'window' | 'what'>[]>();
  for (const e of events) byContract.set(e.contract, [...(byContract.get(e.contract) ?? []), e]);
  const phrases = [...byContract].map(([id, list]) => `${id} ${describeContract(list)}`);
  if (phrases.length <= MAX_CONTRACTS) return phrases.join('; ');
  return `${phrases.slice(0, MAX_CONTRACTS).join('; ')}; and ${phrases.length - MAX_CONTRACTS} more contracts`;
}

function describeContract(events: readonly Pick<ForecastEvent, 'window' | 'what'>[]): string {
  const said: string[] = [];
  if (events.some((e) => e.what === 'turns-idle')) said.push('turns idle');
  for (const what of ['leaves', 'enters'] as const) {
    const windows = events.flatMap((e) => (e.what === what && e.window !== null ? [e.window] : []));
    if (windows.length > 0) said.push(`${what} ${windowsPhrase(windows)}`);
  }
  return andList(said);
}

/** `the 24m window`, `the 24m and 12m windows`, `the 24m, 12m and 6m windows`. */
export function windowsPhrase(names: readonly string[]): string {
  if (names.length === 1) return `the ${names[0]} window`;
  return `the ${andList(names)} windows`;
}
