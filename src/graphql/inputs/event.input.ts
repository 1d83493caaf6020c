import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';

@InputType('EventInput', { description: 'One event; one of leadId, leadExternalId, leadEmail names the lead.' })
export class EventInput {
  @Field(() => ID, { nullable: true })
  leadId?: string | null;

  @Field(() => String, { nullable: true })
  leadExternalId?: string | null;

  @Field(() => String, { nullable: true })
  leadEmail?: string | null;

  @Field(() => String, { description: 'page_view, email_open, email_click, form_submit, or your own type.' })
  type!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: when the server receives it.' })
  occurredAt?: Date | null;

  @Field(() => JSONScalar, { nullable: true, description: 'A JSON object of strings, e.g. {"path": "/pricing"}.' })
  properties?: unknown;

  @Field(() => String, { nullable: true, description: 'Idempotency: the same (lead, idempotencyKey) is stored once.' })
  idempotencyKey?: string | null;
}
