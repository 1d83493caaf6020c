// Checks one batch of lead or event inputs before anything is written.
// Each function returns the first problem as an AppError naming the item's
// index and field, so a client can fix its batch; nothing is ever half-stored.

import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import type { EventFields, LeadFields } from './lead.model';
import {
  EVENT_TYPE_PATTERN,
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTES_BYTES,
  MAX_EVENT_FUTURE_MS,
  MAX_EVENT_PROPERTIES,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_PROPERTY_KEY_LENGTH,
  MAX_PROPERTY_VALUE_LENGTH,
  MAX_TEXT_LENGTH,
  MIN_EVENT_TIME,
} from './limits';

const TEXT_FIELDS = ['externalId', 'email', 'firstName', 'lastName', 'title', 'company', 'industry', 'country', 'source'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Refuses a batch larger than `max` items. */
export function checkBatchSize(kind: string, size: number, max: number): void {
  if (size > max) {
    throw new AppError(ErrorCode.BATCH_TOO_LARGE, `A ${kind} batch holds at most ${max} items; this one has ${size}. Split it.`, {
      max,
      size,
    });
  }
}

/** Validates lead inputs; returns nothing, throws the first problem found. */
export function validateLeads(inputs: readonly LeadFields[]): void {
  const seenExternal = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  inputs.forEach((input, index) => {
    const fail = (field: string, why: string): never => {
      throw new AppError(ErrorCode.INVALID_LEAD, `Lead ${index}: ${why}`, { index, field });
    };
    for (const field of TEXT_FIELDS) {
      const value = input[field];
      if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
        fail(field, `${field} is longer than ${MAX_TEXT_LENGTH} characters`);
      }
    }
    const externalId = input.externalId?.trim() || null;
    const email = input.email?.trim() || null;
    if (!externalId && !email) fail('externalId', 'give an externalId or an email to identify the lead');
    if (email && !EMAIL.test(email)) fail('email', `"${email}" is not an email address`);
    if (input.employees != null && input.employees < 0) fail('employees', 'employees cannot be negative');
    if (input.annualRevenue != null && (!Number.isFinite(input.annualRevenue) || input.annualRevenue < 0)) {
      fail('annualRevenue', 'annualRevenue must be a finite, non-negative number');
    }
    if (input.attributes != null) {
      const attributes = input.attributes as unknown;
      if (typeof attributes !== 'object' || Array.isArray(attributes)) fail('attributes', 'attributes must be a JSON object');
      if (Object.keys(input.attributes).length > MAX_ATTRIBUTES) fail('attributes', `at most ${MAX_ATTRIBUTES} attributes`);
      if (Buffer.byteLength(JSON.stringify(input.attributes)) > MAX_ATTRIBUTES_BYTES) {
        fail('attributes', `attributes take at most ${MAX_ATTRIBUTES_BYTES} bytes`);
      }
    }
    if (externalId) {
      if (seenExternal.has(externalId)) fail('externalId', `externalId "${externalId}" already appears at index ${seenExternal.get(externalId)}`);
      seenExternal.set(externalId, index);
    }
    if (email) {
      const key = email.toLowerCase();
      if (seenEmail.has(key)) fail('email', `email "${email}" already appears at index ${seenEmail.get(key)}`);
      seenEmail.set(key, index);
    }
  });
}

/** Validates event inputs against the server clock `now` (epoch ms); throws the first problem found. */
export function validateEvents(inputs: readonly EventFields[], now: number): void {
  inputs.forEach((input, index) => {
    const fail = (code: ErrorCode, field: string, why: string): never => {
      throw new AppError(code, `Event ${index}: ${why}`, { index, field });
    };
    if (!input.leadId && !input.leadExternalId && !input.leadEmail) {
      fail(ErrorCode.UNKNOWN_LEAD, 'leadId', 'name the lead with leadId, leadExternalId or leadEmail');
    }
    if (!EVENT_TYPE_PATTERN.test(input.type)) {
      fail(
        ErrorCode.INVALID_EVENT_TYPE,
        'type',
        `type "${input.type.slice(0, 80)}" is not valid: start with a letter, then letters, digits, "_", ".", ":" or "-", at most 64 characters`,
      );
    }
    if (input.occurredAt != null) {
      const t = input.occurredAt.getTime();
      if (Number.isNaN(t) || t < MIN_EVENT_TIME || t > now + MAX_EVENT_FUTURE_MS) {
        fail(ErrorCode.INVALID_TIMESTAMP, 'occurredAt', 'occurredAt must lie between 2000-01-01 and one day from now');
      }
    }
    if (input.properties != null) {
      const properties = input.properties;
      if (typeof properties !== 'object' || Array.isArray(properties)) {
        fail(ErrorCode.INVALID_PROPERTIES, 'properties', 'properties must be a JSON object of strings');
      }
      const entries = Object.entries(properties as Record<string, unknown>);
      if (entries.length > MAX_EVENT_PROPERTIES) fail(ErrorCode.INVALID_PROPERTIES, 'properties', `at most ${MAX_EVENT_PROPERTIES} properties`);
      for (const [key, value] of entries) {
        if (typeof value !== 'string') {
          fail(ErrorCode.INVALID_PROPERTIES, 'properties', `property "${key.slice(0, 80)}" must be a string, got ${value === null ? 'null' : typeof value}`);
        }
        if (key.length > MAX_PROPERTY_KEY_LENGTH || (value as string).length > MAX_PROPERTY_VALUE_LENGTH) {
          fail(ErrorCode.INVALID_PROPERTIES, 'properties', `property "${key.slice(0, 80)}" is too long`);
        }
      }
    }
    if (input.idempotencyKey != null && (input.idempotencyKey.length === 0 || input.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      fail(ErrorCode.BAD_USER_INPUT, 'idempotencyKey', `idempotencyKey must have 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
    }
  });
}
