// Builds the executable schema from the type-graphql classes.

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './authChecker';
import { answerAttachedScores } from './pageScore';
import { ApiKeyResolver } from './resolvers/apiKey.resolver';
import { EventResolver } from './resolvers/event.resolver';
import { LeadResolver } from './resolvers/lead.resolver';
import { LeadConnectionResolver } from './resolvers/leadConnection.resolver';
import { LeadScoreResolver, LeadScoresResolver } from './resolvers/leadScore.resolver';
import { ModelStatsResolver, ModelVersionResolver } from './resolvers/modelVersion.resolver';
import { LeadScoreDiffResolver, RulesResolver } from './resolvers/rules.resolver';
import { ScoringModelResolver } from './resolvers/scoringModel.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';
import { ThresholdEventResolver } from './resolvers/thresholdEvent.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from './resolvers/webhook.resolver';
import { DateTimeScalar } from './scalars';

export const RESOLVERS = [
  LeadResolver,
  LeadConnectionResolver,
  EventResolver,
  LeadScoresResolver,
  LeadScoreResolver,
  ScoringModelResolver,
  ModelVersionResolver,
  ModelStatsResolver,
  ThresholdEventResolver,
  RulesResolver,
  LeadScoreDiffResolver,
  SubscriptionResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  ApiKeyResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema; built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    authChecker,
    // Subscriptions read the outbox through their own `subscribe` functions; no
    // topic-based pub/sub exists, and type-graphql only insists that one is given.
    pubSub: {
      publish() {
        throw new Error('topic-based pub/sub is not used: crossings are delivered from the outbox');
      },
      subscribe() {
        throw new Error('topic-based pub/sub is not used: crossings are delivered from the outbox');
      },
    },
  }).then((schema) => {
    answerAttachedScores(schema);
    return schema;
  });
  return built;
}
