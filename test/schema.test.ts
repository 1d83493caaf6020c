import { readFileSync } from 'node:fs';
import path from 'node:path';
import { operationRoles, printRolesMarkdown } from '../src/graphql/printRoles';
import { printSchemaSdl } from '../src/graphql/printSchema';

const root = path.join(__dirname, '..');

describe('generated API documents', () => {
  it('schema.graphql is what the code generates (run `npm run schema` after changing the API)', async () => {
    expect(readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(await printSchemaSdl());
  });

  it('docs/roles.md is what the code generates', async () => {
    expect(readFileSync(path.join(root, 'docs', 'roles.md'), 'utf8')).toBe(await printRolesMarkdown());
  });

  it('every query, mutation and subscription demands a role', async () => {
    const roles = await operationRoles();
    expect(roles.length).toBeGreaterThan(20);
    expect(roles.filter((op) => op.role === null).map((op) => op.name)).toEqual([]);
  });
});
