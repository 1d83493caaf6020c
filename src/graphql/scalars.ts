// Scalars from graphql-scalars: DateTime (RFC 3339 with a zone, as JS Date) and JSON.
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;
