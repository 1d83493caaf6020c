import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';

/**
 * A prospective customer. Resolvers return LeadRecord objects, which have these fields.
 * simpleResolvers: the fields are read as plain properties (no type-graphql wrapper per field and
 * lead; they have no middleware or role); the field resolvers of LeadResolver & co. are unaffected.
 */
@ObjectType('Lead', { description: 'A prospective customer: who they are and what they did.', simpleResolvers: true })
export class LeadType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "The lead's id in the integrator's system; unique per workspace." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Unique per workspace, case-insensitively.' })
  email!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => Int, { nullable: true })
  employees!: number | null;

  @Field(() => Float, { nullable: true })
  annualRevenue!: number | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Custom attributes, a JSON object; rules read them as attributes.NAME.' })
  attributes!: Record<string, unknown>;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the newest event happened.' })
  lastActivityAt!: Date | null;
}
