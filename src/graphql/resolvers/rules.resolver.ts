import { Authorized, Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../errors/appError';
import { ErrorCode } from '../../errors/errorCode';
import type { GraphQLContext } from '../context';
import { DateTimeScalar } from '../scalars';
import { LeadScoreType } from '../types/leadScore.type';
import { LeadType } from '../types/lead.type';
import { LeadScoreDiffType, RuleValidationType } from '../types/ruleValidation.type';

@Resolver()
export class RulesResolver {
  @Authorized('reader')
  @Query(() => RuleValidationType, { description: "Checks a rule source (against a model's stages when given); stores nothing." })
  async validateRules(
    @Arg('source', () => String) source: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
  ) {
    const result = await ctx.services.modelAdmin.validateRules(ctx.workspaceId, source, modelId ?? null);
    return { valid: result.program !== null, diagnostics: result.diagnostics, rules: result.rules };
  }

  @Authorized('reader')
  @Query(() => LeadScoreType, { description: 'Score one lead under a source or a model at an instant (default: now), nothing stored.' })
  async evaluateLead(
    @Arg('leadId', () => ID) leadId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
    @Arg('source', () => String, { nullable: true }) source?: string | null,
    @Arg('asOf', () => DateTimeScalar, { nullable: true }) asOf?: Date | null,
  ) {
    const model = await ctx.services.models.resolveModelId(ctx.workspaceId, modelId ?? null);
    if (!model) throw new AppError(ErrorCode.NOT_FOUND, 'The workspace has no scoring model: create one, or pass modelId', { field: 'modelId' });
    return ctx.services.evaluate.evaluateLead(ctx.workspaceId, leadId, model, source ?? null, asOf ?? new Date());
  }
}

@Resolver(() => LeadScoreDiffType)
export class LeadScoreDiffResolver {
  @FieldResolver(() => LeadType)
  lead(@Root() diff: { leadId: string }, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.leadById.load(diff.leadId);
  }
}
