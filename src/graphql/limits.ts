// Limits on what one GraphQL request may ask for, on by default. Every value
// is listed in the README's security section; the operator can change them
// through ServerOptions (and the environment, see config.ts).

import { ApolloArmor } from '@escape.tech/graphql-armor';

export interface QueryLimits {
  /** Deepest selection (default 12: a lead page with scores and explanations is 7). */
  readonly maxDepth: number;
  /** Most aliases in one document (default 30). */
  readonly maxAliases: number;
  /** Largest static cost: objects cost 2, scalars 1, deeper levels multiply by 1.5 (default 50,000). */
  readonly maxCost: number;
  /** Most tokens in one document (default 2,000). */
  readonly maxTokens: number;
  /** Most directives in one document (default 20). */
  readonly maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  maxTokens: 2_000,
  maxDirectives: 20,
};

/** Apollo plugins and validation rules enforcing the limits (graphql-armor). Rejections carry code GRAPHQL_VALIDATION_FAILED. */
export function queryLimitProtection(limits: QueryLimits, production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    // Field suggestions ("did you mean") reveal the schema; only in production, where introspection is off too.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
