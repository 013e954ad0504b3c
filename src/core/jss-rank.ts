/**
 * A JSS, or no score shown (null), as a number that orders them: a score not shown ranks below
 * every score, 0 included.
 */
export function rankOfJss(jss: number | null): number {
  return jss ?? -1;
}

/** The JSS a rank stands for (`rankOfJss`'s inverse): below 0 is no score shown. */
export function jssOfRank(r: number): number | null {
  return r < 0 ? null : r;
}
