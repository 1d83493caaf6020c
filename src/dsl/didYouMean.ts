// Suggestions for misspelt names, in the style of graphql-js (suggestionList, didYouMean).

/**
 * The candidates close enough to `input` to be a likely typo, best first:
 * optimal string alignment distance at most 40% of the input's length (plus
 * one), case differences counting as nothing when that is the only difference.
 */
export function suggestionList(input: string, candidates: readonly string[]): string[] {
  const threshold = Math.floor(input.length * 0.4) + 1;
  const lowerInput = input.toLowerCase();
  const scored: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance =
      candidate.toLowerCase() === lowerInput ? 0.5 : editDistance(lowerInput, candidate.toLowerCase(), threshold);
    if (distance <= threshold && candidate !== input) scored.push({ name: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.map((s) => s.name);
}

const MAX_SUGGESTIONS = 5;

/** ` Did you mean "visited"?` (leading space), or '' when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const suggestions = suggestionList(input, candidates).slice(0, MAX_SUGGESTIONS).map((s) => `"${s}"`);
  if (suggestions.length === 0) return '';
  if (suggestions.length === 1) return ` Did you mean ${suggestions[0]}?`;
  const last = suggestions.pop();
  return ` Did you mean ${suggestions.join(', ')} or ${last}?`;
}

/** Levenshtein distance with adjacent transpositions; stops early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}
