// Case-insensitive text: both backends lower-case with Unicode's SIMPLE
// lower-case mapping, code point by code point (no final-sigma context, no
// multi-character expansions), as of the Unicode version of PostgreSQL 17's
// builtin C.UTF-8 collation (Unicode 15.1). SQL: lower(x COLLATE pg_c_utf8).
//
// JS's toLowerCase() is the FULL mapping of a newer Unicode. It differs from
// the above only for the code points below (checked against a live Postgres,
// every code point, in caseFold.test.ts):
// - U+0130 İ: full mapping "i̇" (two code points); simple mapping "i".
// - U+03A3 Σ: final sigma in context gives "ς"; simple mapping is always "σ".
// - capitals added after Unicode 15.1 (Cyrillic Tje, Latin additions, Garay,
//   Beria Erfe): Postgres 17 leaves them unchanged.

const EXCEPTIONS: ReadonlyMap<number, string> = new Map<number, string>([
  [0x0130, 'i'],
  [0x03a3, '\u03c3'],
  ...[0x1c89, 0xa7cb, 0xa7cc, 0xa7ce, 0xa7d2, 0xa7d4, 0xa7da, 0xa7dc].map((cp): [number, string] => [cp, String.fromCodePoint(cp)]),
  ...range(0x10d50, 0x10d65).map((cp): [number, string] => [cp, String.fromCodePoint(cp)]),
  ...range(0x16ea0, 0x16eb8).map((cp): [number, string] => [cp, String.fromCodePoint(cp)]),
]);

/** Matches any string that holds one of EXCEPTIONS (a superset is fine: it only picks the slow path). */
const NEEDS_SLOW_PATH = /[\u0130\u03a3\u1c89\ua7cb-\ua7dc]|\ud803[\udd50-\udd65]|\ud81b[\udea0-\udeb8]/;

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}

/** Simple lower-case mapping, code point by code point (see the file comment). */
export function simpleLower(s: string): string {
  if (!NEEDS_SLOW_PATH.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const mapped = EXCEPTIONS.get(cp);
    out += mapped ?? ch.toLowerCase();
  }
  return out;
}

/** The code points simpleLower maps differently from String.prototype.toLowerCase (for tests and docs). */
export const CASE_FOLD_EXCEPTIONS = EXCEPTIONS;
