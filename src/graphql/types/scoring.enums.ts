// Enums of the scoring domain. Values are what the records hold, so resolvers
// return records as they are; type-graphql maps each value to its GraphQL name.

import { registerEnumType } from 'type-graphql';

/** Records hold 'fit' / 'engagement'; GraphQL shows FIT / ENGAGEMENT. */
export enum DimensionEnum {
  FIT = 'fit',
  ENGAGEMENT = 'engagement',
}
registerEnumType(DimensionEnum, {
  name: 'Dimension',
  description: 'What a rule scores: who the lead is (FIT) or what the lead did (ENGAGEMENT).',
});

export enum CrossingDirectionEnum {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(CrossingDirectionEnum, {
  name: 'CrossingDirection',
  description: 'UP: the lead moved to a later stage; DOWN: to an earlier stage, no stage, or disqualified.',
});

/** Buckets for ModelStats.averageTotalByPeriod; values match StatsPeriod in leadScore.query. */
export enum StatsPeriodEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(StatsPeriodEnum, { name: 'StatsPeriod' });
