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
export const isBigint = (v: string | null): boolean => v !== null && /^\d{1,19}$/.test(v);
export const isUuidValue = (v: string | null): boolean => v !== null && isUuid(v);
export const isTimestamp = (v: string | null): boolean => v !== null && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v));
export const isFloat = (v: string | null): boolean => v !== null && /^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(v);
export const isNullable = (check: (v: string | null) => boolean) => (v: string | null): boolean => v === null || check(v);
