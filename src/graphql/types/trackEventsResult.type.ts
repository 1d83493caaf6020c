import { Field, Int, ObjectType } from 'type-graphql';
import { ThresholdEventType } from './thresholdEvent.type';

@ObjectType('TrackEventsResult')
export class TrackEventsResultType {
  @Field(() => Int, { description: 'Events stored by this call.' })
  accepted!: number;

  @Field(() => Int, { description: 'Events skipped: their (lead, idempotencyKey) was stored before.' })
  duplicates!: number;

  @Field(() => Int, { description: 'Leads rescored under the published models.' })
  rescoredLeads!: number;

  @Field(() => [ThresholdEventType], { description: 'The stage changes these events caused, committed with them.' })
  thresholdEvents!: ThresholdEventType[];
}
