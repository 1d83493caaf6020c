// Roles of API keys. Each includes the ones below it: an admin may do what a
// writer may, and a writer what a reader may.

export const ROLES = ['reader', 'writer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is for, as the README and docs/roles.md say it. */
export const ROLE_PURPOSE: Record<Role, string> = {
  reader: 'queries and subscriptions',
  writer: 'upsert leads and track events, and everything a reader may',
  admin: 'rules, thresholds, models, webhooks and keys, and everything a writer may',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when a key of role `held` may do what needs `needed`. */
export function allows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
