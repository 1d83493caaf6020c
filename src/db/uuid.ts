/**
 * True for a UUID in its text form. Ids from requests are checked with this
 * before they reach a `::uuid` parameter, so a malformed id finds nothing
 * instead of failing the statement.
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
