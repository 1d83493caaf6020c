// Webhooks and their delivery log. Resolvers return WebhookRecord and
// WebhookDeliveryRecord; `model` and `lead` are filled by field resolvers.

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { PageInfoType } from './connection.type';
import { LeadType } from './lead.type';
import { ScoringModelType } from './scoringModel.type';

/** Values are what the records hold; GraphQL shows PENDING / DELIVERED / FAILED. */
export enum WebhookDeliveryStatusEnum {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: queued, in flight or waiting for a retry; DELIVERED: a 2xx was received; FAILED: every attempt failed.',
});

@ObjectType('Webhook', { description: 'An endpoint that receives stage crossings as signed HTTP POSTs.' })
export class WebhookType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  // Filled by a @FieldResolver in the webhook resolver (records hold modelId).
  @Field(() => ScoringModelType, { nullable: true, description: 'Null: crossings of every model.' })
  model!: ScoringModelType | null;

  @Field(() => [String], { nullable: true, description: 'Null: every crossing; else the crossings whose toStage or fromStage is listed.' })
  stages!: string[] | null;

  @Field(() => Boolean, { description: 'A disabled webhook gets no new crossings; its queued deliveries wait until it is enabled.' })
  enabled!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('CreatedWebhook')
export class CreatedWebhookType {
  @Field(() => WebhookType)
  webhook!: WebhookType;

  @Field(() => String, { description: 'The HMAC-SHA256 signing key. Shown once: store it now.' })
  secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One crossing sent (or being sent) to one webhook.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'The payload `id` and x-leadscore-delivery header; the same on every retry.' })
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => ID, { description: 'The ThresholdEvent delivered.' })
  thresholdEventId!: string;

  // Filled by a @FieldResolver in the webhook delivery resolver (records hold leadId).
  @Field(() => LeadType, { nullable: true, description: 'Null when the lead was deleted since.' })
  lead!: LeadType | null;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: WebhookDeliveryStatusEnum;

  @Field(() => Int, { description: 'Attempts started so far.' })
  attempts!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt may start; null unless PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (HTTP status, timeout, network error); null after success.' })
  lastError!: string | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when none was received.' })
  lastStatusCode!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdgeType {
  @Field(() => WebhookDeliveryType)
  node!: WebhookDeliveryType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnectionType {
  @Field(() => [WebhookDeliveryEdgeType])
  edges!: WebhookDeliveryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
