// Bounds on what the front end accepts, so that no source can make parsing or
// checking slow, deep or unbounded. Each violation is a diagnostic (docs/dsl.md, "Limits").

/** Longest source accepted, in characters (UTF-16 code units): about 100 KB. */
export const MAX_SOURCE_LENGTH = 100_000;

/** Most statements (rules) in one source. */
export const MAX_RULES = 1000;

/**
 * Deepest nesting of parentheses and `not` in one condition. The parser is
 * recursive descent; parse.ts measures each line's depth before parsing it,
 * so a deeper line is reported, never a stack overflow.
 */
export const MAX_DEPTH = 32;

/** Most values in one `in [..]` list. */
export const MAX_LIST_ITEMS = 1000;

/** Largest number allowed anywhere (points, caps, comparisons, counts). */
export const MAX_NUMBER = 1e9;

/** Longest duration: 36,500 days (about 100 years), in milliseconds. */
export const MAX_DURATION_MS = 36_500 * 86_400_000;

/** Reading stops after this many lines with syntax errors; the rest is not reported. */
export const MAX_SYNTAX_ERRORS = 100;
