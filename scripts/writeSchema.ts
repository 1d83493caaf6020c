// npm run schema: regenerates schema.graphql and docs/roles.md from the code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printRolesMarkdown } from '../src/graphql/printRoles';
import { printSchemaSdl } from '../src/graphql/printSchema';

void (async () => {
  const root = path.join(__dirname, '..');
  writeFileSync(path.join(root, 'schema.graphql'), await printSchemaSdl());
  writeFileSync(path.join(root, 'docs', 'roles.md'), await printRolesMarkdown());
  console.log('schema.graphql and docs/roles.md written');
})();
