// Plain shapes of the lead domain, shared by services and the GraphQL layer.

import { LAST_ACTIVITY_OF_L } from './leadActivity';

/** What a client sends to create or update a lead. Absent (undefined) fields are left as they are. */
export interface LeadFields {
  externalId?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  title?: string | null;
  company?: string | null;
  industry?: string | null;
  country?: string | null;
  source?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  /** Merged into the stored attributes; a key set to null is removed. */
  attributes?: Record<string, unknown> | null;
  createdAt?: Date | null;
}

/** One event as a client sends it. */
export interface EventFields {
  leadId?: string | null;
  leadExternalId?: string | null;
  leadEmail?: string | null;
  type: string;
  occurredAt?: Date | null;
  properties?: unknown;
  idempotencyKey?: string | null;
}

/** A stored lead, as the service returns it. */
export interface LeadRecord {
  workspaceId: string;
  id: string;
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  company: string | null;
  industry: string | null;
  country: string | null;
  source: string | null;
  employees: number | null;
  annualRevenue: number | null;
  attributes: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date | null;
}

/** A stored event. */
export interface EventRecord {
  id: string;
  leadId: string;
  type: string;
  occurredAt: Date;
  properties: Record<string, string>;
}

/**
 * The columns that make a LeadRecord, in SQL, for `SELECT ${LEAD_COLUMNS} FROM leads l`
 * (or `RETURNING`: a lead inserted by that statement has no activity yet).
 */
export const LEAD_COLUMNS = `l.workspace_id AS "workspaceId", l.id, l.external_id AS "externalId", l.email,
  l.first_name AS "firstName", l.last_name AS "lastName", l.title, l.company, l.industry, l.country, l.source,
  l.employees, l.annual_revenue AS "annualRevenue", l.attributes, l.created_at AS "createdAt",
  l.updated_at AS "updatedAt", ${LAST_ACTIVITY_OF_L} AS "lastActivityAt"`;

export const EVENT_COLUMNS = `e.id::text AS id, e.lead_id AS "leadId", e.type, e.occurred_at AS "occurredAt", e.properties`;

/** Lead input field -> column and SQL type: the only names that reach SQL text when leads are written. */
export const LEAD_INPUT_COLUMNS = [
  ['externalId', 'external_id', 'text'],
  ['email', 'email', 'text'],
  ['firstName', 'first_name', 'text'],
  ['lastName', 'last_name', 'text'],
  ['title', 'title', 'text'],
  ['company', 'company', 'text'],
  ['industry', 'industry', 'text'],
  ['country', 'country', 'text'],
  ['source', 'source', 'text'],
  ['employees', 'employees', 'integer'],
  ['annualRevenue', 'annual_revenue', 'double precision'],
] as const;

/**
 * The fields a client sent (absent ones left out, so they keep their stored
 * value), email and externalId trimmed (blank: null), createdAt as ISO text:
 * the JSON both upsertLeads and the importer hand to SQL.
 */
export function presentLeadFields(input: LeadFields): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const [field] of LEAD_INPUT_COLUMNS) {
    const value = input[field];
    if (value !== undefined) v[field] = typeof value === 'string' && (field === 'email' || field === 'externalId') ? value.trim() || null : value;
  }
  if (input.attributes !== undefined) v.attributes = input.attributes;
  if (input.createdAt) v.createdAt = input.createdAt.toISOString();
  return v;
}
