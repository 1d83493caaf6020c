// npm run schema: regenerates schema.graphql from the code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchemaSdl } from '../src/graphql/printSchema';

void printSchemaSdl().then((sdl) => {
  writeFileSync(path.join(__dirname, '..', 'schema.graphql'), sdl);
  console.log('schema.graphql written');
});
