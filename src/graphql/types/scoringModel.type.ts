// A scoring model, its versions of rule source, its stage thresholds and stats.
// Resolvers return ScoringModelRecord / ModelVersionRecord / ThresholdRecord /
// ModelStatsRecord objects; fields marked below are filled by field resolvers.
// Classes are declared before the classes that use them (decorator metadata).

import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Dimension } from '../../dsl/program';
import { DateTimeScalar } from '../scalars';
import { DimensionEnum } from './scoring.enums';

@ObjectType('Rule', { description: 'One rule of a model version, as written in its source.' })
export class RuleType {
  @Field(() => Int, { description: '1-based line of the rule in the source.' })
  line!: number;

  @Field(() => String, { description: 'The rule as written, trimmed, without a trailing comment.' })
  text!: string;

  @Field(() => DimensionEnum, { nullable: true, description: 'Explicit or inferred; null for qualify and disqualify rules.' })
  dimension!: Dimension | null;

  @Field(() => String, { description: 'when, per, qualify or disqualify.' })
  kind!: string;
}

@ObjectType('ModelVersion', { description: "One saved version of a model's rule source." })
export class ModelVersionType {
  @Field(() => Int, { description: 'Numbered from 1 within the model; a new draft after a publish takes the next number.' })
  version!: number;

  @Field(() => String, { description: 'The rule source, in the scoring rule language.' })
  source!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When this version was published; null if it never was.' })
  publishedAt!: Date | null;

  // Filled by a @FieldResolver in the ModelVersion resolver (parses the source).
  @Field(() => [RuleType])
  rules!: RuleType[];
}

@ObjectType('Threshold', { description: 'A stage a lead reaches when its score passes the minimums.' })
export class ThresholdType {
  @Field(() => String)
  stage!: string;

  @Field(() => Float, { description: 'Minimum total score for the stage.' })
  minScore!: number;

  @Field(() => Float, { nullable: true, description: 'Minimum fit score as well, if set.' })
  minFit!: number | null;

  @Field(() => Int, { description: 'Order of the stage, from 0; a higher position is a later stage.' })
  position!: number;
}

@ObjectType('StageCount')
export class StageCountType {
  @Field(() => String, { nullable: true, description: 'Null counts the leads in no stage.' })
  stage!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PeriodAverage', { description: 'The leads created in one period (UTC) and their average current total.' })
export class PeriodAverageType {
  @Field(() => DateTimeScalar, { description: 'Start of the period.' })
  start!: Date;

  @Field(() => Int)
  leadCount!: number;

  @Field(() => Float, { nullable: true })
  averageTotal!: number | null;
}

@ObjectType('ModelStats', { description: 'Leads per stage and the average total, from current scores.' })
export class ModelStatsType {
  @Field(() => Int)
  leadCount!: number;

  @Field(() => Float, { nullable: true, description: 'Null when no lead is scored.' })
  averageTotal!: number | null;

  @Field(() => [StageCountType])
  stages!: StageCountType[];

  // Filled by a @FieldResolver in the ModelStats resolver, which declares the
  // arguments (period: StatsPeriod = WEEK, from: DateTime, to: DateTime).
  @Field(() => [PeriodAverageType], { description: 'Average current total of the leads created in each period; periods without leads are left out.' })
  averageTotalByPeriod!: PeriodAverageType[];
}

@ObjectType('ScoringModel', { description: 'A set of rules that scores leads, with stage thresholds.' })
export class ScoringModelType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Float, { description: 'Totals are clamped to [minScore, maxScore].' })
  minScore!: number;

  @Field(() => Float)
  maxScore!: number;

  @Field(() => Boolean, { description: 'Used when a query names no model.' })
  isDefault!: boolean;

  // Filled by a @FieldResolver in the ScoringModel resolver.
  @Field(() => ModelVersionType, { nullable: true, description: 'The version that scores leads now (null before the first publish).' })
  published!: ModelVersionType | null;

  // Filled by a @FieldResolver in the ScoringModel resolver.
  @Field(() => ModelVersionType, { nullable: true, description: 'The saved version not yet published, if any; saving a draft replaces it.' })
  draft!: ModelVersionType | null;

  // Filled by a @FieldResolver in the ScoringModel resolver.
  @Field(() => [ModelVersionType], { description: 'Every saved version, newest first.' })
  versions!: ModelVersionType[];

  // Filled by a @FieldResolver in the ScoringModel resolver.
  @Field(() => [ThresholdType], { description: 'Stages in order of position.' })
  thresholds!: ThresholdType[];

  // Filled by a @FieldResolver in the ScoringModel resolver.
  @Field(() => ModelStatsType, { description: 'Leads per stage and the average total, from current scores.' })
  stats!: ModelStatsType;
}
