import type { Observation } from './types.js';

/** A score given on the command line (`--observed DATE=JSS`; `DATE=none` is null). */
export interface ObservedValue {
  date: string;
  jss: number | null;
}

/**
 * The observations a command works with (DESIGN §8): the file's, with the `--observed` values
 * beside them; on a date both give, the option wins (its value replaces the file's entry whole).
 * Oldest first. Dates are unique within each input (validation sees to it).
 */
export function mergeObservations(
  file: readonly Observation[] | undefined,
  given: readonly ObservedValue[],
): Observation[] {
  const byDate = new Map<string, Observation>();
  for (const o of file ?? []) byDate.set(o.date, o);
  for (const o of given) byDate.set(o.date, { date: o.date, jss: o.jss });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
