import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { WebhookDeliveryRecord, WebhookRecord } from '../../realtime/webhook.types';
import type { GraphQLContext } from '../context';
import { CreateWebhookArgs } from '../inputs/webhook.input';
import { pageSize } from '../pageSize';
import { LeadType } from '../types/lead.type';
import { ScoringModelType } from '../types/scoringModel.type';
import {
  CreatedWebhookType,
  WebhookDeliveryConnectionType,
  WebhookDeliveryStatusEnum,
  WebhookDeliveryType,
  WebhookType,
} from '../types/webhook.type';

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Authorized('admin')
  @Query(() => [WebhookType], { description: 'Every webhook of the workspace, oldest first.' })
  webhooks(@Ctx() ctx: GraphQLContext) {
    return ctx.services.webhooks.webhooks(ctx.workspaceId);
  }

  @Authorized('admin')
  @Mutation(() => CreatedWebhookType, { description: 'Registers an endpoint for stage crossings; returns its signing secret, shown only here.' })
  createWebhook(@Args(() => CreateWebhookArgs) args: CreateWebhookArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.webhooks.createWebhook(ctx.workspaceId, args);
  }

  @Authorized('admin')
  @Mutation(() => WebhookType)
  setWebhookEnabled(@Arg('id', () => ID) id: string, @Arg('enabled', () => Boolean) enabled: boolean, @Ctx() ctx: GraphQLContext) {
    return ctx.services.webhooks.setWebhookEnabled(ctx.workspaceId, id, enabled);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Deletes the webhook and its delivery log; queued deliveries are dropped.' })
  deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.webhooks.deleteWebhook(ctx.workspaceId, id);
  }

  @Authorized('admin')
  @Query(() => WebhookDeliveryConnectionType, { description: 'The delivery log, newest first.' })
  async webhookDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('webhookId', () => ID, { nullable: true }) webhookId?: string | null,
    @Arg('status', () => WebhookDeliveryStatusEnum, { nullable: true }) status?: WebhookDeliveryStatusEnum | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const page = await ctx.services.webhooks.deliveries(ctx.workspaceId, { webhookId, status }, after ?? null, pageSize(first ?? 50));
    return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? after ?? null } };
  }

  @FieldResolver(() => ScoringModelType, { nullable: true })
  model(@Root() webhook: WebhookRecord, @Ctx() ctx: GraphQLContext) {
    return webhook.modelId === null ? null : ctx.loaders.modelById.load(webhook.modelId);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => LeadType, { nullable: true })
  lead(@Root() delivery: WebhookDeliveryRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.leadById.load(delivery.leadId);
  }
}
