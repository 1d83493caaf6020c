/**
 * Stable error codes, sent as `extensions.code`. Clients match on these;
 * never rename one. The README lists them with their meaning.
 */
export const ErrorCode = {
  /** A request value is malformed (bad shape, out of range, too long). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A batch is larger than the configured maximum. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** An event names no existing lead. */
  UNKNOWN_LEAD: 'UNKNOWN_LEAD',
  /** An event type is empty, too long, or not of the allowed characters. */
  INVALID_EVENT_TYPE: 'INVALID_EVENT_TYPE',
  /** A timestamp is not ISO 8601 with a zone, or is out of the accepted range. */
  INVALID_TIMESTAMP: 'INVALID_TIMESTAMP',
  /** Event properties are not an object of strings. */
  INVALID_PROPERTIES: 'INVALID_PROPERTIES',
  /** A lead input names no identity (external id or email) or conflicts with another lead. */
  INVALID_LEAD: 'INVALID_LEAD',
  /** A cursor is not one this server issued. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** The thing asked for does not exist (in this workspace). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with a concurrent change; retry. */
  CONFLICT: 'CONFLICT',
  /** A rule source has errors; `extensions.diagnostics` lists every one with its line and column. */
  RULES_INVALID: 'RULES_INVALID',
  /** A stage named by a rule or a filter is not a threshold of the model. */
  UNKNOWN_STAGE: 'UNKNOWN_STAGE',
  /** Thresholds are out of order, duplicated, or outside the model's score limits. */
  INVALID_THRESHOLDS: 'INVALID_THRESHOLDS',
  /** A model's settings are invalid (minScore >= maxScore, a duplicate name, ...). */
  INVALID_MODEL: 'INVALID_MODEL',
  /** publishModel found no draft (and no version was named). */
  NO_DRAFT: 'NO_DRAFT',
  /** A webhook's URL is not http(s), or its stages list is empty or malformed. */
  INVALID_WEBHOOK: 'INVALID_WEBHOOK',
  /** No API key, or an unknown or revoked one: send `Authorization: Bearer <key>`. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The key's role may not do this (admin > writer > reader). */
  FORBIDDEN: 'FORBIDDEN',
  /** Too many ingest requests for this key; `extensions.retryAfterSeconds` says when to retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The request could return more objects than allowed (page sizes multiply); `extensions.max` says how many. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Anything unexpected; details are in the server log under the request id. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
