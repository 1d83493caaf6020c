// Turns a file record (CSV strings or NDJSON values) into the API's input
// shapes (LeadFields, EventFields), then checks it with the API's own
// validation (src/leads/lead.validation.ts), so a row is accepted by the
// import exactly when the API would accept it as a one-item batch.

import { AppError } from '../errors/appError';
import type { EventFields, LeadFields } from '../leads/lead.model';
import { validateEvents, validateLeads } from '../leads/lead.validation';

type Kind = 'text' | 'int' | 'number' | 'json' | 'time';

const LEAD_FIELDS: Readonly<Record<string, Kind>> = {
  externalId: 'text', email: 'text', firstName: 'text', lastName: 'text', title: 'text', company: 'text',
  industry: 'text', country: 'text', source: 'text', employees: 'int', annualRevenue: 'number', attributes: 'json', createdAt: 'time',
};
const EVENT_FIELDS: Readonly<Record<string, Kind>> = {
  leadId: 'text', leadExternalId: 'text', leadEmail: 'text', type: 'text', occurredAt: 'time', properties: 'json', idempotencyKey: 'text',
};

export type ImportKind = 'leads' | 'events';

/** The object field that `prefix.KEY` columns fill, one key each (CSV files flatten objects this way). */
const PREFIX: Readonly<Record<ImportKind, string>> = { leads: 'attributes', events: 'properties' };

/** ISO 8601 with a zone, as the API's DateTime scalar requires. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)$/;

/**
 * The canonical name of a column or key: the API's camelCase name, accepting
 * snake_case too (`annual_revenue`), and `attributes.plan` / `properties.path`
 * as they are. Null when the kind has no such field.
 */
export function canonicalName(kind: ImportKind, name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.startsWith(`${PREFIX[kind]}.`) && trimmed.length > PREFIX[kind].length + 1) return trimmed;
  const camel = trimmed.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return camel in (kind === 'leads' ? LEAD_FIELDS : EVENT_FIELDS) ? camel : null;
}

export type Converted<T> = { readonly fields: T; readonly error?: undefined } | { readonly fields?: undefined; readonly error: string };

/**
 * One record as API input. Absent keys stay undefined (an update keeps those
 * fields); in CSV an empty cell counts as absent, in NDJSON null clears.
 */
function convert(kind: ImportKind, record: Record<string, unknown>): Converted<Record<string, unknown>> {
  const table = kind === 'leads' ? LEAD_FIELDS : EVENT_FIELDS;
  const out: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  for (const [rawName, raw] of Object.entries(record)) {
    const name = canonicalName(kind, rawName);
    if (name === null) return { error: `unknown field "${rawName.slice(0, 80)}"` };
    if (raw === undefined || raw === '') continue;
    if (name.startsWith(`${PREFIX[kind]}.`)) {
      nested[name.slice(PREFIX[kind].length + 1)] = raw;
      continue;
    }
    if (raw === null) {
      out[name] = null;
      continue;
    }
    const value = parseValue(table[name], raw);
    if (value instanceof Problem) return { error: `${name} ${value.message}` };
    out[name] = value;
  }
  if (Object.keys(nested).length) {
    const base = out[PREFIX[kind]];
    out[PREFIX[kind]] = { ...(typeof base === 'object' && base !== null ? base : {}), ...nested };
  }
  return { fields: out };
}

/** A value that does not parse (distinct from any JSON value a record may hold). */
class Problem {
  constructor(readonly message: string) {}
}

function parseValue(kind: Kind, raw: unknown): unknown {
  switch (kind) {
    case 'text':
      return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : new Problem('must be text');
    case 'int': {
      const n = typeof raw === 'string' ? Number(raw.trim()) : raw;
      return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 2 ** 31 - 1 ? n : new Problem(`must be an integer, got ${JSON.stringify(raw).slice(0, 40)}`);
    }
    case 'number': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
      return typeof n === 'number' && Number.isFinite(n) ? n : new Problem(`must be a number, got ${JSON.stringify(raw).slice(0, 40)}`);
    }
    case 'json': {
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw);
      } catch {
        return new Problem('is not valid JSON');
      }
    }
    case 'time': {
      const ok = typeof raw === 'string' && ISO_WITH_ZONE.test(raw.trim()) && !Number.isNaN(Date.parse(raw.trim()));
      return ok ? new Date(Date.parse((raw as string).trim())) : new Problem(`must be an ISO 8601 timestamp with a zone, got ${JSON.stringify(raw).slice(0, 40)}`);
    }
  }
}

/** The AppError's message without the "Lead 0: " / "Event 0: " prefix (the report names the line instead). */
function reason(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message.replace(/^(Lead|Event) 0: /, '')}`;
  throw error;
}

export function leadFromRecord(record: Record<string, unknown>): Converted<LeadFields> {
  const converted = convert('leads', record);
  if (converted.error !== undefined) return { error: `INVALID_LEAD: ${converted.error}` };
  const fields = converted.fields as LeadFields;
  try {
    validateLeads([fields]);
  } catch (error) {
    return { error: reason(error) };
  }
  return { fields };
}

export function eventFromRecord(record: Record<string, unknown>, now: number): Converted<EventFields> {
  const converted = convert('events', record);
  if (converted.error !== undefined) return { error: `INVALID_EVENT: ${converted.error}` };
  const fields = converted.fields as unknown as EventFields;
  if (typeof fields.type !== 'string') return { error: 'INVALID_EVENT_TYPE: type is missing' };
  try {
    validateEvents([fields], now);
  } catch (error) {
    return { error: reason(error) };
  }
  return { fields };
}
