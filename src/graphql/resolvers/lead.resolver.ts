import type { GraphQLResolveInfo } from 'graphql';
import { Authorized, Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LeadRecord } from '../../leads/lead.model';
import type { GraphQLContext } from '../context';
import { LeadFilterInput, LeadInput, LeadOrderFieldEnum, LeadOrderInput, SortDirectionEnum } from '../inputs/lead.input';
import { DEFAULT_MODEL } from '../../leads/leadList.query';
import { attachDefaultModelScore } from '../pageScore';
import { pageSize } from '../pageSize';
import { selectedFieldNodes, selectedFields } from '../selection';
import { EventConnectionType, LeadConnectionType } from '../types/connection.type';
import { LeadType } from '../types/lead.type';

@Resolver(() => LeadType)
export class LeadResolver {
  @Authorized('reader')
  @Query(() => LeadType, { nullable: true, description: 'A lead by id, or null.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<LeadRecord | null> {
    return ctx.loaders.leadById.load(id);
  }

  @Authorized('reader')
  @Query(() => LeadType, { nullable: true, description: 'A lead by email (case-insensitive), or null.' })
  leadByEmail(@Arg('email', () => String) email: string, @Ctx() ctx: GraphQLContext): Promise<LeadRecord | null> {
    return ctx.services.leadQuery.leadByEmail(ctx.workspaceId, email);
  }

  @Authorized('reader')
  @Query(() => LeadConnectionType, {
    description:
      'Leads, filtered, ordered and paged (default order: CREATED_AT DESC). Score filters and score orders list the leads scored by the model (default: the workspace default model).',
  })
  async leads(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => LeadFilterInput, { nullable: true }) filter?: LeadFilterInput | null,
    @Arg('orderBy', () => LeadOrderInput, { nullable: true }) orderBy?: LeadOrderInput | null,
    @Arg('modelId', () => ID, { nullable: true }) modelId?: string | null,
  ) {
    const nodeSelection = selectedFieldNodes(info, ['edges', 'node']);
    const nodeFields = new Set(nodeSelection.map((field) => field.name.value));
    const scoreSelections = nodeSelection.filter((field) => field.name.value === 'score');
    // Whole scores when they may feed the loaders (a model named anywhere); else only the
    // LeadScore fields asked for, attached to the leads for Lead.score of the default model.
    const wholeScores = !!modelId || scoreSelections.some((field) => field.arguments?.length);
    const page = await ctx.services.leadList.list({
      workspaceId: ctx.workspaceId,
      // The default model is looked up by the page's own statement.
      modelId: modelId ? await ctx.services.models.resolveModelId(ctx.workspaceId, modelId) : DEFAULT_MODEL,
      first: pageSize(first ?? 50),
      after: after ?? null,
      filter: filter ?? {},
      orderBy: orderBy ?? { field: LeadOrderFieldEnum.CREATED_AT, direction: SortDirectionEnum.DESC },
      // The Lead fields the client selected: only their columns are read (id always, for the field resolvers).
      select: {
        fields: nodeFields,
        scores: scoreSelections.length === 0 ? false : wholeScores || selectedFields(info, ['edges', 'node', 'score']),
      },
    });
    // The page brought each lead's score and its model: Lead.score reads them from the leads (default model) or the loaders.
    if (page.modelId !== undefined) {
      if (!modelId) ctx.loaders.defaultModelId.prime('default', page.modelId);
      const pageModelId = page.modelId;
      for (const edge of page.edges) {
        if (edge.score === undefined) continue;
        if (wholeScores && pageModelId !== null) ctx.loaders.score.prime({ leadId: edge.node.id, modelId: pageModelId }, edge.score);
        if (!modelId) attachDefaultModelScore(edge.node, edge.score);
      }
    }
    return {
      edges: page.edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => EventConnectionType, { description: "The lead's events, newest first." })
  async events(
    @Root() lead: LeadRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const page = await ctx.loaders.eventPage.load({ leadId: lead.id, first: pageSize(first ?? 50), after: after ?? null });
    return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null } };
  }

  @Authorized('writer')
  @Mutation(() => [LeadType], { description: 'Creates or updates leads; the batch is stored whole or not at all.' })
  async upsertLeads(@Arg('input', () => [LeadInput]) input: LeadInput[], @Ctx() ctx: GraphQLContext): Promise<LeadRecord[]> {
    await ctx.services.ingestLimit.take(ctx.auth, input.length);
    return ctx.services.leads.upsertLeads(ctx.workspaceId, input);
  }
}
