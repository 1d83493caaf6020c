// A lead's score under a model, why, and how it moved. Resolvers return
// LeadScoreRecord / ScoreChangeRecord; LeadScore.model is filled by a field resolver.

import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Dimension } from '../../dsl/program';
import { DateTimeScalar } from '../scalars';
import { DimensionEnum } from './scoring.enums';
import { ScoringModelType } from './scoringModel.type';

@ObjectType('RuleContribution', { description: 'What one rule added to a score.' })
export class RuleContributionType {
  @Field(() => Int, { description: 'Line of the rule in the version source.' })
  line!: number;

  @Field(() => String, { description: 'The rule as written.' })
  rule!: string;

  @Field(() => DimensionEnum)
  dimension!: Dimension;

  @Field(() => Float, { description: 'Points added; negative for a penalty.' })
  points!: number;

  @Field(() => Int, { nullable: true, description: 'Events counted, for per-event rules; null for other rules.' })
  eventCount!: number | null;
}

// simpleResolvers: plain properties, as on Lead (LeadScoreResolver's `model` is unaffected).
@ObjectType('LeadScore', { description: "A lead's score under one model version.", simpleResolvers: true })
export class LeadScoreType {
  // Filled by a @FieldResolver in the LeadScore resolver (records hold modelId).
  @Field(() => ScoringModelType)
  model!: ScoringModelType;

  @Field(() => Int, { description: 'The model version that computed this score.' })
  version!: number;

  @Field(() => Float, { description: "fit + engagement, clamped to the model's [minScore, maxScore]." })
  total!: number;

  @Field(() => Float)
  fit!: number;

  @Field(() => Float)
  engagement!: number;

  @Field(() => String, { description: 'A to D: the grade band of the fit score.' })
  grade!: string;

  @Field(() => String, { nullable: true, description: "The stage reached, or 'disqualified'; null when none is." })
  stage!: string | null;

  @Field(() => DateTimeScalar)
  computedAt!: Date;

  @Field(() => [RuleContributionType], { description: 'The rules that added non-zero points.' })
  explanation!: RuleContributionType[];
}

@ObjectType('ScoreChange', { description: "A change of a lead's score under a model." })
export class ScoreChangeType {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => Int, { description: 'The model version that computed the new score.' })
  version!: number;

  @Field(() => Float)
  total!: number;

  @Field(() => Float)
  fit!: number;

  @Field(() => Float)
  engagement!: number;

  @Field(() => String, { nullable: true })
  stage!: string | null;
}
