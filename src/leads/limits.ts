// Input limits of the ingest API. The README lists them; changing one is an API change.

/** Longest accepted text field of a lead (email, names, title, ...), in characters. */
export const MAX_TEXT_LENGTH = 1000;
/** Most custom attributes on one lead. */
export const MAX_ATTRIBUTES = 100;
/** Largest serialized custom attributes object of one lead, in bytes. */
export const MAX_ATTRIBUTES_BYTES = 16_384;
/** Event type: a letter, then letters, digits, `_ . : -`, at most 64 in all. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
/** Most properties on one event. */
export const MAX_EVENT_PROPERTIES = 50;
/** Longest property key and value, in characters. */
export const MAX_PROPERTY_KEY_LENGTH = 100;
export const MAX_PROPERTY_VALUE_LENGTH = 2000;
/** Longest idempotency key, in characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** Accepted event times: from 2000-01-01 to one day after the server's clock. */
export const MIN_EVENT_TIME = Date.UTC(2000, 0, 1);
export const MAX_EVENT_FUTURE_MS = 24 * 3600 * 1000;
