/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(lower.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/**
 * Suggestions made so far, by word and candidates: a file with the same unknown key in each of
 * 25,000 contracts asks 25,000 times. Emptied when it grows past SUGGESTIONS_KEPT.
 */
const suggestions = new Map<string, string>();
const SUGGESTIONS_KEPT = 1_000;

/** `did you mean "x"?` or a list of the valid choices when nothing is close. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const key = `${word}\u0000${candidates.join('\u0000')}`;
  let text = suggestions.get(key);
  if (text === undefined) {
    const near = closest(word, candidates);
    text = near !== undefined ? `did you mean "${near}"?` : `valid: ${candidates.join(', ')}`;
    if (suggestions.size >= SUGGESTIONS_KEPT) suggestions.clear();
    suggestions.set(key, text);
  }
  return text;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
