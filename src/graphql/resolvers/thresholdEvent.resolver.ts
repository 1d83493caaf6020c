import { Authorized, Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ThresholdEventRecord } from '../../scoring/model.types';
import { thresholdEventCursor } from '../../scoring/leadScore.query';
import type { GraphQLContext } from '../context';
import { pageSize } from '../pageSize';
import { LeadType } from '../types/lead.type';
import { ScoringModelType } from '../types/scoringModel.type';
import { ThresholdEventConnectionType, ThresholdEventType } from '../types/thresholdEvent.type';

@Resolver(() => ThresholdEventType)
export class ThresholdEventResolver {
  @Authorized('reader')
  @Query(() => ThresholdEventConnectionType, {
    description: 'Stage crossings in the order they were committed, after a cursor: a resumable feed.',
  })
  async thresholdEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first?: number | null,
  ) {
    const model = modelId ? await ctx.services.models.resolveModelId(ctx.workspaceId, modelId) : null;
    const page = await ctx.services.scores.thresholdEvents(ctx.workspaceId, model, after ?? null, pageSize(first ?? 100));
    return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? after ?? null } };
  }

  @FieldResolver(() => String)
  cursor(@Root() event: ThresholdEventRecord) {
    return thresholdEventCursor(event.id);
  }

  @FieldResolver(() => LeadType)
  lead(@Root() event: ThresholdEventRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.leadById.load(event.leadId);
  }

  @FieldResolver(() => ScoringModelType)
  model(@Root() event: ThresholdEventRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.modelById.load(event.modelId);
  }
}
