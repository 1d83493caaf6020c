// Opaque cursors: base64url of a small JSON array. A cursor that does not
// decode to the expected shape is refused with INVALID_CURSOR, never guessed at.

import { AppError } from '../errors/appError';
import { isUuid } from '../db/uuid';
import { ErrorCode } from '../errors/errorCode';

/** Encodes the values that position a row in its ordering. */
export function encodeCursor(kind: string, values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify([kind, ...values]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor with the same kind and `arity` values.
 * Throws AppError(INVALID_CURSOR) for anything else.
 */
export function decodeCursor(
  kind: string,
  cursor: string,
  arity: number,
  checks: readonly ((value: string | null) => boolean)[] = [],
): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity + 1 ||
    parsed[0] !== kind ||
    !parsed.slice(1).every((v) => v === null || (typeof v === 'string' && v.length <= 200)) ||
    !checks.every((check, i) => check(parsed[i + 1] as string | null))
  ) {
    throw new AppError(ErrorCode.INVALID_CURSOR, `"${cursor.slice(0, 80)}" is not a valid cursor for this list`);
  }
  return parsed.slice(1) as (string | null)[];
}

/** Cursor value checks: what a value must look like before it reaches SQL as a typed parameter. */
const MAX_BIGINT = 9223372036854775807n;
export const isBigint = (v: string | null): boolean => v !== null && /^\d{1,19}$/.test(v) && BigInt(v) <= MAX_BIGINT;
export const isUuidValue = (v: string | null): boolean => v !== null && isUuid(v);
/** A UTC instant Postgres can read back exactly: real calendar dates only (JS's Date.parse accepts 2025-02-30). */
export const isTimestamp = (v: string | null): boolean => {
  if (v === null || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) || v.startsWith('0000')) return false;
  const parsed = new Date(v);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === v.slice(0, 19);
};
/** A finite float8 as Postgres prints it; values that overflow or underflow to zero are refused. */
export const isFloat = (v: string | null): boolean => {
  if (v === null || !/^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(v)) return false;
  const n = Number(v);
  return Number.isFinite(n) && (n !== 0 || /^-?[0.]*(e[-+]?\d+)?$/i.test(v));
};
export const isNullable = (check: (v: string | null) => boolean) => (v: string | null): boolean => v === null || check(v);
