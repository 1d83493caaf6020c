// visited("PATTERN") globs: `*` matches any run of characters ('/' included),
// every other character matches itself, case-sensitively; the whole value must
// match. No RegExp is ever built from a pattern.

/** A compiled glob: the literal pieces between stars. */
export interface Glob {
  /** Pieces between `*`s; length 1 means no star (exact match). */
  readonly pieces: readonly string[];
}

export function compileGlob(pattern: string): Glob {
  return { pieces: pattern.split('*') };
}

/** Whole-value match: first piece a prefix, last a suffix, middles found leftmost in order (greedy-left is complete for `*`-only globs). */
export function globMatches(glob: Glob, s: string): boolean {
  const pieces = glob.pieces;
  const n = pieces.length;
  if (n === 1) return s === pieces[0];
  const first = pieces[0];
  const last = pieces[n - 1];
  if (s.length < first.length + last.length) return false;
  if (!s.startsWith(first) || !s.endsWith(last)) return false;
  let at = first.length;
  const end = s.length - last.length;
  for (let i = 1; i < n - 1; i++) {
    const piece = pieces[i];
    if (piece === '') continue;
    const found = s.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** The same glob as a LIKE pattern with the default escape `\`: escape `\`, `%`, `_`, then `*` becomes `%`. */
export function globToLike(pattern: string): string {
  let out = '';
  for (const ch of pattern) {
    if (ch === '\\' || ch === '%' || ch === '_') out += '\\' + ch;
    else if (ch === '*') out += '%';
    else out += ch;
  }
  return out;
}
