// Recognising Postgres errors by their SQLSTATE, without string matching.

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 23505: a unique index refused a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** 40001 / 40P01: serialization failure or deadlock; the transaction may be retried. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40001' || state === '40P01';
}
