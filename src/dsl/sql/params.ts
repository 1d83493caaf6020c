// Typed bound parameters. node-postgres sends every parameter as text of
// unknown type, so each one carries an explicit cast; numbers travel as their
// shortest round-trip text, which float8 reads back to the same double.

import { sql, type SqlFragment } from '../../sql';

export const text = (v: string): SqlFragment => sql`${sql.value(v)}::text`;
export const float8 = (v: number): SqlFragment => sql`${sql.value(v)}::float8`;
export const int4 = (v: number): SqlFragment => sql`${sql.value(v)}::int4`;
export const int8 = (v: number): SqlFragment => sql`${sql.value(v)}::int8`;
/** Exact decimal (integral ms, or anything String(number) prints exactly). */
export const numeric = (v: number): SqlFragment => sql`${sql.value(v)}::numeric`;
export const textArray = (v: readonly string[]): SqlFragment => sql`${sql.value(v)}::text[]`;
export const float8Array = (v: readonly number[]): SqlFragment => sql`${sql.value(v)}::float8[]`;
export const uuid = (v: string): SqlFragment => sql`${sql.value(v)}::uuid`;
export const uuidArray = (v: readonly string[]): SqlFragment => sql`${sql.value(v)}::uuid[]`;

/** Year 1 and year 9999 bounds: instants outside are bound as -infinity/infinity (the store holds none there). */
const MIN_MS = -62135596800000;
const MAX_MS = 253402300799999;

/** An instant (epoch ms) as a timestamptz parameter, exact to the millisecond. */
export function timestamptz(ms: number): SqlFragment {
  const literal = !(ms >= MIN_MS) ? '-infinity' : ms > MAX_MS ? 'infinity' : new Date(ms).toISOString();
  return sql`${sql.value(literal)}::timestamptz`;
}
