import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** The SDL checked in as schema.graphql: sorted, so diffs show real changes only. */
export async function printSchemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
