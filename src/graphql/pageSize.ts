import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';

/** Largest page any list returns. */
export const MAX_PAGE_SIZE = 500;

/** Checks a requested page size: 1 to MAX_PAGE_SIZE, else BAD_USER_INPUT. */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { field: 'first' });
  }
  return first;
}
