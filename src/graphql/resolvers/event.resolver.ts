import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { EventInput } from '../inputs/event.input';
import { TrackEventsResultType } from '../types/trackEventsResult.type';

@Resolver()
export class EventResolver {
  @Mutation(() => TrackEventsResultType, {
    description: 'Stores a batch of events whole or not at all; repeated idempotency keys count as duplicates.',
  })
  trackEvents(@Arg('input', () => [EventInput]) input: EventInput[], @Ctx() ctx: GraphQLContext) {
    return ctx.services.events.trackEvents(ctx.workspaceId, input);
  }
}
