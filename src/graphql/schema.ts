// Builds the executable schema from the type-graphql classes.

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { EventResolver } from './resolvers/event.resolver';
import { LeadResolver } from './resolvers/lead.resolver';
import { LeadConnectionResolver } from './resolvers/leadConnection.resolver';
import { DateTimeScalar } from './scalars';

export const RESOLVERS = [LeadResolver, LeadConnectionResolver, EventResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema; built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  return built;
}
