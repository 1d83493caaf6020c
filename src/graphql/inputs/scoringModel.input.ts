import { Field, Float, InputType } from 'type-graphql';

@InputType('ThresholdInput', { description: 'A stage and the minimums to reach it; list order is stage order, earliest first.' })
export class ThresholdInput {
  @Field(() => String)
  stage!: string;

  @Field(() => Float, { description: 'Minimum total score for the stage.' })
  minScore!: number;

  @Field(() => Float, { nullable: true, description: 'Minimum fit score as well, if set.' })
  minFit?: number | null;
}

@InputType('CreateScoringModelInput')
export class CreateScoringModelInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true, defaultValue: 0, description: 'Totals are clamped to [minScore, maxScore].' })
  minScore?: number | null;

  @Field(() => Float, { nullable: true, defaultValue: 100 })
  maxScore?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Makes this the default model, in place of the current one.' })
  isDefault?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Rule source, stored as the first draft.' })
  source?: string | null;

  @Field(() => [ThresholdInput], { nullable: true })
  thresholds?: ThresholdInput[] | null;
}
