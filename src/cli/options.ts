// Option value parsers for commander.

import { InvalidArgumentError } from 'commander';

/** A non-negative integer (underscores allowed: 1_000_000). */
export function integer(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('not a non-negative integer');
  return n;
}

/** A positive integer. */
export function positive(value: string): number {
  const n = integer(value);
  if (n === 0) throw new InvalidArgumentError('must be at least 1');
  return n;
}
