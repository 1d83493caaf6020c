import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';

@ObjectType('Event', { description: 'Something a lead did: a page view, an email open, a form submission...' })
export class EventType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  type!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => JSONScalar, { description: 'String properties, e.g. {"path": "/pricing"}.' })
  properties!: Record<string, string>;
}
