import { Authorized, Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { abortableFeed, crossingFeed } from '../../realtime/crossingFeed';
import { thresholdEventIdFromCursor } from '../../scoring/leadScore.query';
import type { ThresholdEventRecord } from '../../scoring/model.types';
import type { GraphQLContext } from '../context';
import { ThresholdEventType } from '../types/thresholdEvent.type';

/**
 * Bytes a subscriber's socket may hold unsent before the server closes it with
 * SLOW_SUBSCRIBER_CLOSE_CODE; the client then resumes with its last cursor.
 * Events are read from the outbox only as the socket drains, so this is the
 * whole per-connection buffer.
 */
export const MAX_SUBSCRIBER_BUFFER_BYTES = 1024 * 1024;
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4290;
/** Close code when the subscriber's API key is revoked (graphql-ws's Forbidden). */
export const REVOKED_KEY_CLOSE_CODE = 4403;

interface CrossedArgs {
  modelId?: string | null;
  stages?: string[] | null;
  after?: string | null;
}

@Resolver()
export class SubscriptionResolver {
  @Authorized('reader')
  @Subscription(() => ThresholdEventType, {
    description:
      "Pushed when a lead's stage under a model changes, once the change is committed. With `after`, first replays every stored crossing after that cursor, then goes live, with no gap and no duplicate. `stages` keeps crossings into or out of those stages.",
    subscribe: async ({ args, context }) => {
      const { modelId, stages, after } = args as CrossedArgs;
      const ctx = context as GraphQLContext;
      const model = modelId ? await ctx.services.models.resolveModelId(ctx.workspaceId, modelId) : null;
      // The cursor is checked here, so a bad one fails the subscription at once with INVALID_CURSOR.
      const afterId = after ? thresholdEventIdFromCursor(after) : await ctx.services.scores.lastThresholdEventId(ctx.workspaceId);
      return abortableFeed((signal) =>
        crossingFeed(ctx.services.scores, ctx.realtime.hub, {
          workspaceId: ctx.workspaceId,
          modelId: model,
          stages: stages ?? null,
          afterId,
          signal,
          stillAllowed: async () => {
            if (!ctx.auth || (await ctx.services.apiKeys.isActive(ctx.auth))) return true;
            ctx.socket?.close(REVOKED_KEY_CLOSE_CODE, 'API key revoked');
            return false;
          },
          canSend: () => {
            if (!ctx.socket || ctx.socket.bufferedAmount <= MAX_SUBSCRIBER_BUFFER_BYTES) return true;
            ctx.socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, 'Subscriber too slow: reconnect with your last cursor as `after`');
            return false;
          },
        }),
      );
    },
  })
  thresholdCrossed(
    @Root() event: ThresholdEventRecord,
    @Arg('modelId', () => ID, { nullable: true }) _modelId?: string | null,
    @Arg('stages', () => [String], { nullable: true }) _stages?: string[] | null,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): ThresholdEventRecord {
    return event;
  }
}
