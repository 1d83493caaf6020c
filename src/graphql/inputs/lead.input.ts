import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { LeadOrderField, SortDirection } from '../../leads/leadList.query';
import { DateTimeScalar, JSONScalar } from '../scalars';

export enum LeadOrderFieldEnum {
  TOTAL = 'TOTAL',
  FIT = 'FIT',
  ENGAGEMENT = 'ENGAGEMENT',
  CREATED_AT = 'CREATED_AT',
  LAST_ACTIVITY_AT = 'LAST_ACTIVITY_AT',
}
registerEnumType(LeadOrderFieldEnum, { name: 'LeadOrderField' });

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType('LeadInput', { description: 'Creates or updates a lead, matched by externalId, else by email. Fields left out are kept.' })
export class LeadInput {
  @Field(() => String, { nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => Float, { nullable: true })
  annualRevenue?: number | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Merged into the stored attributes; a key set to null is removed.' })
  attributes?: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the lead was created in the source system (default: now).' })
  createdAt?: Date | null;
}

@InputType('LeadFilter')
export class LeadFilterInput {
  @Field(() => String, { nullable: true })
  stage?: string | null;

  @Field(() => [String], { nullable: true })
  stages?: string[] | null;

  @Field(() => Float, { nullable: true })
  minTotal?: number | null;

  @Field(() => Float, { nullable: true })
  maxTotal?: number | null;

  @Field(() => String, { nullable: true })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive text in email, name, company or title.' })
  search?: string | null;
}

@InputType('LeadOrder')
export class LeadOrderInput {
  @Field(() => LeadOrderFieldEnum)
  field!: LeadOrderField;

  @Field(() => SortDirectionEnum)
  direction!: SortDirection;
}
