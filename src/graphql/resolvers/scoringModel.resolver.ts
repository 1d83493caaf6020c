import { Authorized, Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../errors/appError';
import { ErrorCode } from '../../errors/errorCode';
import type { ModelVersionRecord, ScoringModelRecord } from '../../scoring/model.types';
import type { GraphQLContext } from '../context';
import { CreateScoringModelInput, ThresholdInput } from '../inputs/scoringModel.input';
import { RulePreviewType } from '../types/ruleValidation.type';
import { ModelStatsType, ModelVersionType, ScoringModelType, ThresholdType } from '../types/scoringModel.type';

@Resolver(() => ScoringModelType)
export class ScoringModelResolver {
  @Authorized('reader')
  @Query(() => ScoringModelType, { nullable: true })
  scoringModel(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.modelById.load(id);
  }

  @Authorized('reader')
  @Query(() => [ScoringModelType], { description: 'Every model of the workspace, the default first.' })
  scoringModels(@Ctx() ctx: GraphQLContext) {
    return ctx.services.models.models(ctx.workspaceId);
  }

  @Authorized('admin')
  @Mutation(() => ScoringModelType)
  createScoringModel(@Arg('input', () => CreateScoringModelInput) input: CreateScoringModelInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.modelAdmin.createScoringModel(ctx.workspaceId, input);
  }

  @Authorized('admin')
  @Mutation(() => ModelVersionType, { description: "Stores the source as the model's draft; fails with diagnostics when invalid." })
  saveDraft(@Arg('modelId', () => ID) modelId: string, @Arg('source', () => String) source: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.modelAdmin.saveDraft(ctx.workspaceId, modelId, source);
  }

  @Authorized('admin')
  @Mutation(() => ScoringModelType, { description: 'Replaces the stages (lowest first) and re-stages every lead.' })
  setThresholds(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('thresholds', () => [ThresholdInput]) thresholds: ThresholdInput[],
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.modelAdmin.setThresholds(ctx.workspaceId, modelId, thresholds);
  }

  @Authorized('admin')
  @Mutation(() => RulePreviewType, { description: 'What publishing a source would change, computed over all leads, nothing stored.' })
  previewRules(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('source', () => String) source: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('sampleSize', () => Int, { nullable: true, defaultValue: 20 }) sampleSize: number | null,
  ) {
    return ctx.services.preview.previewRules(ctx.workspaceId, modelId, source, sampleSize ?? 20);
  }

  @Authorized('admin')
  @Mutation(() => ScoringModelType, {
    description: 'Makes the draft (or the given version: a rollback) the published version and rescores every lead.',
  })
  async publishModel(
    @Arg('modelId', () => ID) modelId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('version', () => Int, { nullable: true, description: 'An earlier version to publish again (rollback).' }) version?: number | null,
  ) {
    return (await ctx.services.modelAdmin.publishModel(ctx.workspaceId, modelId, version)).model;
  }

  @Authorized('admin')
  @Mutation(() => Int, { description: 'Rescore every lead now (time moves: windows, decay and inactivity change scores). Returns how many.' })
  async rescore(@Arg('modelId', () => ID) modelId: string, @Ctx() ctx: GraphQLContext) {
    return (await ctx.services.modelAdmin.rescore(ctx.workspaceId, modelId)).rescored;
  }

  @FieldResolver(() => ModelVersionType, { nullable: true })
  async published(@Root() model: ScoringModelRecord, @Ctx() ctx: GraphQLContext) {
    return versionOf(await ctx.loaders.versionsOfModel.load(model.id), model.publishedVersion);
  }

  @FieldResolver(() => ModelVersionType, { nullable: true })
  async draft(@Root() model: ScoringModelRecord, @Ctx() ctx: GraphQLContext) {
    return versionOf(await ctx.loaders.versionsOfModel.load(model.id), model.draftVersion);
  }

  @FieldResolver(() => [ModelVersionType])
  versions(@Root() model: ScoringModelRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.versionsOfModel.load(model.id);
  }

  @FieldResolver(() => [ThresholdType])
  thresholds(@Root() model: ScoringModelRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.thresholdsOfModel.load(model.id);
  }

  @FieldResolver(() => ModelStatsType)
  async stats(@Root() model: ScoringModelRecord, @Ctx() ctx: GraphQLContext) {
    return { ...(await ctx.services.scores.stats(ctx.workspaceId, model.id)), modelId: model.id };
  }
}

function versionOf(versions: readonly ModelVersionRecord[], version: number | null): ModelVersionRecord | null {
  if (version === null) return null;
  const found = versions.find((v) => v.version === version);
  if (!found) throw new AppError(ErrorCode.INTERNAL_ERROR, `version ${version} is missing`);
  return found;
}
