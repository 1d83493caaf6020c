// Relay connections: edges with opaque cursors, and page info.

import { Field, Int, ObjectType } from 'type-graphql';
import { EventType } from './event.type';
import { LeadType } from './lead.type';

// simpleResolvers: plain properties (no type-graphql wrapper per field and edge); field resolvers are unaffected.
@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('LeadEdge', { simpleResolvers: true })
export class LeadEdgeType {
  @Field(() => LeadType)
  node!: LeadType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('LeadConnection', { simpleResolvers: true })
export class LeadConnectionType {
  @Field(() => [LeadEdgeType])
  edges!: LeadEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  /** Resolved by LeadConnectionResolver, only when asked for. */
  @Field(() => Int, { description: 'How many leads match the filter, over all pages.' })
  totalCount!: number;
}

@ObjectType('EventEdge')
export class EventEdgeType {
  @Field(() => EventType)
  node!: EventType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('EventConnection')
export class EventConnectionType {
  @Field(() => [EventEdgeType])
  edges!: EventEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
