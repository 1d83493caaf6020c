// Lead attributes as SQL expressions over `leads l`. Columns come only from the
// fixed LeadField mapping below; custom attribute names are bound parameters.
// A value of another type than asked for is NULL (missing).

import { sql, type SqlFragment } from '../../sql';
import type { AttributeRef, LeadField } from '../program';
import { text } from './params';

const COLUMN: { readonly [K in LeadField]: SqlFragment } = {
  email: sql.identifier('l', 'email'),
  first_name: sql.identifier('l', 'first_name'),
  last_name: sql.identifier('l', 'last_name'),
  title: sql.identifier('l', 'title'),
  company: sql.identifier('l', 'company'),
  industry: sql.identifier('l', 'industry'),
  country: sql.identifier('l', 'country'),
  source: sql.identifier('l', 'source'),
  employees: sql.identifier('l', 'employees'),
  annual_revenue: sql.identifier('l', 'annual_revenue'),
  created_at: sql.identifier('l', 'created_at'),
};

const ATTRIBUTES = sql.identifier('l', 'attributes');

function isStringField(name: LeadField): boolean {
  return name !== 'employees' && name !== 'annual_revenue' && name !== 'created_at';
}

/** The jsonb value of a custom attribute (SQL NULL when absent). */
function customJson(name: string): SqlFragment {
  return sql`(${ATTRIBUTES} -> ${text(name)})`;
}

/** text, or NULL. */
export function stringExpr(ref: AttributeRef): SqlFragment {
  if (ref.kind === 'field') return isStringField(ref.name) ? COLUMN[ref.name] : sql.raw('NULL::text');
  const j = customJson(ref.name);
  return sql`(CASE WHEN jsonb_typeof(${j}) = 'string' THEN ${j} #>> '{}' END)`;
}

/** Lower-cased with the simple mapping (PostgreSQL 17's builtin C.UTF-8), or NULL. */
export function loweredExpr(ref: AttributeRef): SqlFragment {
  return sql`lower(${stringExpr(ref)} COLLATE pg_c_utf8)`;
}

/** float8, or NULL (NaN counts as missing; created_at is epoch ms). */
export function numberExpr(ref: AttributeRef): SqlFragment {
  if (ref.kind === 'custom') {
    const j = customJson(ref.name);
    return sql`(CASE WHEN jsonb_typeof(${j}) = 'number' THEN (${j})::float8 END)`;
  }
  switch (ref.name) {
    case 'employees':
      return sql`${COLUMN.employees}::float8`;
    case 'annual_revenue':
      return sql`nullif(${COLUMN.annual_revenue}, 'NaN'::float8)`;
    case 'created_at':
      return sql`(extract(epoch FROM ${COLUMN.created_at}) * 1000)::float8`;
    default:
      return sql.raw('NULL::float8');
  }
}

/** Set: not null and not the empty string; for custom attributes JSON null and "" are not set. Never NULL. */
export function isSetExpr(ref: AttributeRef): SqlFragment {
  if (ref.kind === 'custom') {
    return sql`coalesce(${customJson(ref.name)} NOT IN ('null'::jsonb, '""'::jsonb), false)`;
  }
  const column = COLUMN[ref.name];
  return isStringField(ref.name) ? sql`(${column} IS NOT NULL AND ${column} <> '')` : sql`(${column} IS NOT NULL)`;
}

/** created_at, for `inactive` when a lead has no event. */
export const CREATED_AT = COLUMN.created_at;
