// Limits on what one GraphQL request may ask for, on by default. Every value
// is listed in the README's security section; the operator can change them
// through ServerOptions (and the environment, see config.ts).

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type DocumentNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/errorCode';

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
  /**
   * Most objects a request may return, counting page sizes (`first`) from
   * literals, variables and defaults alike (default 100,000: 500 leads with
   * 100 events each, or 2,000 with their scores).
   */
  readonly maxObjects: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxObjects: 100_000,
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

/** A paged field costs its page size times what each item costs. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + Math.max(args.first, 0) * Math.max(childComplexity, 1) : undefined;

/**
 * Refuses, before anything runs, a request that could return more than
 * `maxObjects` objects. graphql-armor's static cost only sees literal page
 * sizes; this reads the request's variables too (graphql-query-complexity).
 */
export function objectLimitPlugin(maxObjects: number): ApolloServerPlugin {
  // The cost of a request without variables depends on its document and operation only. Apollo
  // hands every request with the same query text the same parsed DocumentNode (its document
  // cache), so such costs are kept per document: a repeated query is not walked again.
  const variableFreeCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const variableFree = !request.variables || Object.keys(request.variables).length === 0;
          const operation = request.operationName ?? '';
          let cost = variableFree ? variableFreeCosts.get(document)?.get(operation) : undefined;
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              // Variables of the wrong type: execution refuses them next, with BAD_USER_INPUT naming the variable.
              return;
            }
            if (variableFree) {
              const costs = variableFreeCosts.get(document) ?? new Map<string, number>();
              costs.set(operation, cost);
              variableFreeCosts.set(document, costs);
            }
          }
          if (cost > maxObjects) {
            throw new GraphQLError(`This request could return ${cost} objects; the limit is ${maxObjects}. Ask for smaller pages.`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, max: maxObjects },
            });
          }
        },
      };
    },
  };
}
