// The one error type the services throw for bad input or a refused action.
// The GraphQL layer turns it into an error with `extensions.code` in exactly
// one place (graphql/formatError.ts); anything else becomes INTERNAL_ERROR.

import { ErrorCode } from './errorCode';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe facts: the offending item's index, field, diagnostics... */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}
