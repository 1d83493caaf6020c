// The names the language knows: lead attributes, event selectors, duration
// units. Shared by the checks (which report unknown names) and lowering
// (which resolves them); both agree because both read this one table.

import type { AttributeNode } from './ast';
import type { AttributeRef, LeadField } from './program';

/** `any`: a custom attribute, whose type is the stored JSON value's, known only at run time. */
export type AttributeType = 'string' | 'number' | 'timestamp' | 'any';

export const LEAD_FIELDS: Readonly<Record<LeadField, AttributeType>> = {
  email: 'string',
  first_name: 'string',
  last_name: 'string',
  title: 'string',
  company: 'string',
  industry: 'string',
  country: 'string',
  source: 'string',
  employees: 'number',
  annual_revenue: 'number',
  created_at: 'timestamp',
};

export const LEAD_FIELD_NAMES = Object.keys(LEAD_FIELDS) as LeadField[];

/** The prefix of custom attributes: `attributes.NAME`. */
export const CUSTOM_PREFIX = 'attributes';
export const CUSTOM_ATTRIBUTE_NAME = /^[a-z_][a-z0-9_]*$/;

export interface ResolvedAttribute {
  readonly ref: AttributeRef;
  readonly type: AttributeType;
}

export function attributeText(node: AttributeNode): string {
  return node.path.map((name) => name.value).join('.');
}

function isLeadField(name: string): name is LeadField {
  return Object.prototype.hasOwnProperty.call(LEAD_FIELDS, name);
}

/** The attribute a name denotes, or null when it denotes none. */
export function resolveAttribute(node: AttributeNode): ResolvedAttribute | null {
  const [head, ...rest] = node.path.map((name) => name.value);
  if (rest.length === 0 && isLeadField(head)) return { ref: { kind: 'field', name: head }, type: LEAD_FIELDS[head] };
  if (head === CUSTOM_PREFIX && rest.length === 1 && CUSTOM_ATTRIBUTE_NAME.test(rest[0])) {
    return { ref: { kind: 'custom', name: rest[0] }, type: 'any' };
  }
  return null;
}

/**
 * The selectors with a fixed event type. Each takes at most one text argument,
 * tested against one property; `required`: the argument must be given.
 * `event(TYPE, KEY = VALUE, ...)` is the general form, handled on its own.
 */
export const SELECTORS: Readonly<
  Record<string, { readonly type: string; readonly key: string; readonly op: 'eq' | 'glob'; readonly required: boolean; readonly example: string }>
> = {
  visited: { type: 'page_view', key: 'path', op: 'glob', required: true, example: 'visited("/pricing")' },
  opened_email: { type: 'email_open', key: 'campaign', op: 'eq', required: false, example: 'opened_email("spring-launch")' },
  clicked_email: { type: 'email_click', key: 'campaign', op: 'eq', required: false, example: 'clicked_email("spring-launch")' },
  submitted: { type: 'form_submit', key: 'form', op: 'eq', required: false, example: 'submitted("demo-request")' },
};

export const GENERIC_SELECTOR = 'event';

export const SELECTOR_NAMES: readonly string[] = [...Object.keys(SELECTORS), GENERIC_SELECTOR];

export function isFixedSelector(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(SELECTORS, name);
}

/** Milliseconds per duration unit. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function isDurationUnit(unit: string | null): unit is string {
  return unit !== null && Object.prototype.hasOwnProperty.call(DURATION_UNITS, unit);
}
