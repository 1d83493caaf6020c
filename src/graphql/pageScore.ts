// A lead listed by a `leads` page for the default model carries the score the
// page's statement read with it, and Lead.score (no modelId) answers with it at
// once: the same row the page primed the request's loaders with, but without a
// promise. type-graphql resolves every field that has an argument through a
// promise (its argument validation is async even when off), and one promise
// per lead makes GraphQL wait on every lead object of the page: a large share
// of a page's CPU. With all its fields synchronous, a page completes in one go.

import { assertObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { LeadScoreRecord } from '../scoring/model.types';

const DEFAULT_MODEL_SCORE = Symbol('the lead score under the default model, read by the page');

type Carrier = { [DEFAULT_MODEL_SCORE]?: LeadScoreRecord | null };

/**
 * Marks `lead` (an object of this request's page) with its score under the
 * workspace's default model (null: none). The score may be partial: it holds
 * at least the fields every Lead.score (no modelId) of the page selects.
 */
export function attachDefaultModelScore(lead: object, score: LeadScoreRecord | null): void {
  (lead as Carrier)[DEFAULT_MODEL_SCORE] = score;
}

/** Makes Lead.score without modelId answer with the attached score, when there is one; else as before. */
export function answerAttachedScores(schema: GraphQLSchema): void {
  const field = assertObjectType(schema.getType('Lead')).getFields().score;
  const resolve: GraphQLFieldResolver<object, unknown> = field.resolve!;
  field.resolve = (lead: Carrier, args: { modelId?: string | null }, context, info) => {
    const attached = args.modelId == null ? lead[DEFAULT_MODEL_SCORE] : undefined;
    return attached !== undefined ? attached : resolve(lead, args, context, info);
  };
}
