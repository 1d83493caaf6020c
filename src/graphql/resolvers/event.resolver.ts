import { Authorized, Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { EventInput } from '../inputs/event.input';
import { TrackEventsResultType } from '../types/trackEventsResult.type';

@Resolver()
export class EventResolver {
  @Authorized('writer')
  @Mutation(() => TrackEventsResultType, {
    description: 'Stores a batch of events whole or not at all; repeated idempotency keys count as duplicates.',
  })
  async trackEvents(@Arg('input', () => [EventInput]) input: EventInput[], @Ctx() ctx: GraphQLContext) {
    await ctx.services.ingestLimit.take(ctx.auth, input.length);
    return ctx.services.events.trackEvents(ctx.workspaceId, input);
  }
}
