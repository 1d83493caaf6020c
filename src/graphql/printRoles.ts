// docs/roles.md, generated from the @Authorized decorators of the resolvers:
// the least role each operation needs. Written by `npm run schema`; a test
// fails when it is stale or when a root field has no role.

import { getMetadataStorage } from 'type-graphql';
import { ROLE_PURPOSE, ROLES } from '../auth/role';
import { getSchema } from './schema';

export interface OperationRole {
  readonly kind: 'Query' | 'Mutation' | 'Subscription';
  readonly name: string;
  /** Null when the field has no @Authorized: a bug the roles test reports. */
  readonly role: string | null;
}

/** Every root field of the schema with the role its resolver demands. */
export async function operationRoles(): Promise<OperationRole[]> {
  const schema = await getSchema();
  const roles = new Map(getMetadataStorage().authorizedFields.map((a) => [a.fieldName, String(a.roles[0])]));
  const result: OperationRole[] = [];
  for (const kind of ['Query', 'Mutation', 'Subscription'] as const) {
    const type = kind === 'Query' ? schema.getQueryType() : kind === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    for (const name of Object.keys(type?.getFields() ?? {}).sort()) result.push({ kind, name, role: roles.get(name) ?? null });
  }
  return result;
}

export async function printRolesMarkdown(): Promise<string> {
  const lines = [
    '# Who may call what',
    '',
    'Generated from the code by `npm run schema` (`src/graphql/printRoles.ts`); do not edit by hand.',
    '',
    'Every request sends an API key (`Authorization: Bearer <key>`, or `{ "authorization": "Bearer <key>" }` in',
    'graphql-ws `connection_init`). Each key belongs to one workspace and has one role; a role may do what the',
    'roles below it may:',
    '',
    ...[...ROLES].reverse().map((role) => `- \`${role}\`: ${ROLE_PURPOSE[role]}`),
    '',
    '| operation | kind | least role |',
    '|---|---|---|',
    ...(await operationRoles()).map((op) => `| \`${op.name}\` | ${op.kind} | ${op.role ?? '**none**'} |`),
    '',
  ];
  return lines.join('\n');
}
