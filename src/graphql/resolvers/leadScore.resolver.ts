import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { LeadRecord } from '../../leads/lead.model';
import type { GraphQLContext } from '../context';
import { pageSize } from '../pageSize';
import { LeadScoreType, ScoreChangeType } from '../types/leadScore.type';
import { LeadType } from '../types/lead.type';
import { ScoringModelType } from '../types/scoringModel.type';

/** A lead's scores: batched per request, whatever the number of leads on the page. */
@Resolver(() => LeadType)
export class LeadScoresResolver {
  @FieldResolver(() => LeadScoreType, { nullable: true, description: "The lead's current score under a model (default: the workspace's default model)." })
  async score(@Root() lead: LeadRecord, @Ctx() ctx: GraphQLContext, @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null) {
    const id = await this.modelId(ctx, modelId ?? null);
    return id ? ctx.loaders.score.load({ leadId: lead.id, modelId: id }) : null;
  }

  @FieldResolver(() => [LeadScoreType], { description: 'All current scores, one per published model.' })
  scores(@Root() lead: LeadRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.scoresOfLead.load(lead.id);
  }

  @FieldResolver(() => [ScoreChangeType], { description: 'How the score moved, newest first.' })
  async scoreHistory(
    @Root() lead: LeadRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number | null,
  ) {
    const id = await this.modelId(ctx, modelId ?? null);
    return id ? ctx.loaders.history.load({ leadId: lead.id, modelId: id, first: pageSize(first ?? 50) }) : [];
  }

  private async modelId(ctx: GraphQLContext, modelId: string | null): Promise<string | null> {
    if (modelId !== null) return (await ctx.loaders.modelById.load(modelId))?.id ?? null;
    return ctx.loaders.defaultModelId.load('default');
  }
}

@Resolver(() => LeadScoreType)
export class LeadScoreResolver {
  @FieldResolver(() => ScoringModelType)
  model(@Root() score: { modelId: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.modelById.load(score.modelId);
  }
}
