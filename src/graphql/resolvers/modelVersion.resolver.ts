import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { compileSource } from '../../dsl';
import type { ModelVersionRecord } from '../../scoring/model.types';
import type { StatsPeriod } from '../../scoring/leadScore.query';
import type { GraphQLContext } from '../context';
import { DateTimeScalar } from '../scalars';
import { StatsPeriodEnum } from '../types/scoring.enums';
import { ModelStatsType, ModelVersionType, PeriodAverageType, RuleType } from '../types/scoringModel.type';

@Resolver(() => ModelVersionType)
export class ModelVersionResolver {
  @FieldResolver(() => [RuleType], { description: 'The statements of the source, one per rule line.' })
  rules(@Root() version: ModelVersionRecord) {
    return compileSource(version.source).rules;
  }
}

const DAY = 86_400_000;

@Resolver(() => ModelStatsType)
export class ModelStatsResolver {
  @FieldResolver(() => [PeriodAverageType], {
    description: 'Average current total of the leads created in each period (default: weeks of the last 90 days); periods without leads are left out.',
  })
  averageTotalByPeriod(
    @Root() stats: { modelId: string },
    @Ctx() ctx: GraphQLContext,
    @Arg('period', () => StatsPeriodEnum, { nullable: true, defaultValue: StatsPeriodEnum.WEEK }) period: StatsPeriod | null,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
  ) {
    const end = to ?? new Date();
    return ctx.services.scores.averageTotalByPeriod(ctx.workspaceId, stats.modelId, period ?? 'WEEK', from ?? new Date(end.getTime() - 90 * DAY), end);
  }
}
