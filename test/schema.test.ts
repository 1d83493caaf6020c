import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printSchemaSdl } from '../src/graphql/printSchema';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(checkedIn).toBe(await printSchemaSdl());
  });
});
