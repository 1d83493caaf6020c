// The one gate of every root field: `@Authorized(role)` names the least role
// that may call it; this checker compares it with the request's key.

import type { AuthChecker } from 'type-graphql';
import { allows, isRole } from '../auth/role';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import type { GraphQLContext } from './context';

export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  const principal = context.auth;
  if (!principal) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send a valid API key: Authorization: Bearer <key> (or connection_init { authorization } on WebSocket)');
  }
  const needed = roles[0];
  if (!needed || !isRole(needed)) throw new Error(`@Authorized needs exactly one role, got ${JSON.stringify(roles)}`);
  if (!allows(principal.role, needed)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This needs a key with the ${needed} role; this key is a ${principal.role} key`);
  }
  return true;
};
