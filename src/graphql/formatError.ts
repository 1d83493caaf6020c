// The one place where errors become GraphQL errors with `extensions.code`.

import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';

/** Codes Apollo itself sets for requests that never reach a resolver; passed through as they are. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export interface FormatErrorOptions {
  /** Hide internal messages and stack traces (production). */
  readonly hideInternals: boolean;
  /** Receives every unexpected error, with its stack, for the log. */
  readonly onInternalError: (error: unknown) => void;
}

export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (isInvalidText(original)) {
      return {
        message: 'A text value holds a character the database cannot store (NUL, U+0000)',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    if (code === ErrorCode.QUERY_TOO_COMPLEX) {
      return { message: formatted.message, extensions: formatted.extensions };
    }
    options.onInternalError(original);
    return {
      message: options.hideInternals ? 'Internal error' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_ERROR },
    };
  };
}

/**
 * Postgres refuses NUL in text and jsonb (22021 character_not_in_repertoire,
 * 22P05 untranslatable_character): the client's value is bad, not the server.
 */
function isInvalidText(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const state = e?.driverError?.code ?? e?.code;
  return state === '22021' || state === '22P05';
}
