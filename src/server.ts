// The HTTP server: GraphQL at /graphql (with the explorer in development),
// /healthz, /readyz and /metrics. Transport only: the work is in the services.

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { bearerKey, type Principal } from './auth/apiKey.service';
import { AppError } from './errors/appError';
import { ErrorCode } from './errors/errorCode';
import type { GraphQLContext } from './graphql/context';
import { createFormatError } from './graphql/formatError';
import { createLoaders, type Loaders } from './graphql/loaders';
import { DEFAULT_QUERY_LIMITS, objectLimitPlugin, queryLimitProtection, type QueryLimits } from './graphql/limits';
import { noStorePlugins } from './graphql/noStore';
import { getSchema } from './graphql/schema';
import type { Metrics } from './observability/metrics';
import type { CrossingHub } from './realtime/crossingHub';
import { requestScope, type RequestScope } from './observability/requestScope';
import type { Services } from './services';

export interface ServerOptions {
  readonly port: number;
  /** Bind address (default 0.0.0.0). */
  readonly host?: string;
  readonly services: Services;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Wakes subscription feeds when crossings commit (one per process). */
  readonly hub: CrossingHub;
  /** Hide internals in errors, no introspection, no explorer (default false). */
  readonly production?: boolean;
  /** Largest request body (default '5mb'; a 5,000-event batch fits). */
  readonly bodyLimit?: string;
  /** Depth, alias, cost, token and directive limits (default DEFAULT_QUERY_LIMITS). */
  readonly queryLimits?: QueryLimits;
  /** Longest time to receive a whole request, in ms (default 30,000). */
  readonly requestTimeoutMs?: number;
}

/** What a subscription needs of its WebSocket to protect the server from a subscriber that stopped reading. */
export type SlowSocket = GraphQLContext['socket'];

export interface RunningServer {
  /** e.g. http://localhost:4000 */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { services, logger, metrics } = options;
  const production = options.production ?? false;
  const app = express();
  const httpServer = http.createServer(app);

  const schema = await getSchema();
  const formatError = createFormatError({
    hideInternals: production,
    onInternalError: (error) => logger.error({ err: error, requestId: requestScope.getStore()?.requestId }, 'internal error'),
  });
  // Subscriptions of one workspace share batching, non-caching loaders (see createLoaders).
  const subscriptionLoaders = new Map<string, Loaders>();
  const loadersFor = (workspaceId: string) => {
    let loaders = subscriptionLoaders.get(workspaceId);
    if (!loaders) subscriptionLoaders.set(workspaceId, (loaders = createLoaders(services, workspaceId, { cache: false })));
    return loaders;
  };
  const contextFor = (requestId: string, auth: Principal | null, shared = false): GraphQLContext => ({
    requestId,
    auth,
    get workspaceId(): string {
      if (!auth) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send a valid API key: Authorization: Bearer <key>');
      return auth.workspaceId;
    },
    services,
    loaders: shared && auth ? loadersFor(auth.workspaceId) : createLoaders(services, auth?.workspaceId ?? ''),
    logger: logger.child({ requestId }),
    realtime: { hub: options.hub },
  });
  const authenticate = async (header: unknown): Promise<Principal | null> => {
    const key = bearerKey(header);
    return key ? services.apiKeys.authenticate(key) : null;
  };

  // Subscriptions: graphql-ws on the same port and path as HTTP.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      // The key is checked at connection_init; the connection is refused without a valid one.
      onConnect: async (ctx) => {
        const auth = await authenticate(ctx.connectionParams?.authorization);
        if (!auth) return false;
        (ctx.extra as { auth?: Principal }).auth = auth;
        return true;
      },
      context: (ctx) => {
        const extra = ctx.extra as { socket?: SlowSocket; auth?: Principal };
        return { ...contextFor(randomUUID(), extra.auth ?? null, true), socket: extra.socket };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e: GraphQLError) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wsServer,
  );

  const limits = options.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const armor = queryLimitProtection(limits, production);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // Apollo's CSRF prevention (on by default) refuses simple cross-site requests; stated here so nobody turns it off by accident.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    formatError,
    plugins: [
      ...armor.plugins,
      ...noStorePlugins(),
      objectLimitPlugin(limits.maxObjects),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              await wsCleanup.dispose();
            },
          };
        },
      },
      production ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const header = req.header('x-request-id');
    const scope: RequestScope = {
      requestId: header && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID(),
      operation: '',
      statements: 0,
    };
    res.setHeader('x-request-id', scope.requestId);
    requestScope.run(scope, () => next());
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.db.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: options.bodyLimit ?? '5mb' }),
    bodyErrorHandler,
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(requestScope.getStore()!.requestId, await authenticate(req.headers.authorization)),
    }),
  );

  httpServer.requestTimeout = options.requestTimeoutMs ?? 30_000;
  httpServer.headersTimeout = Math.min(httpServer.requestTimeout, 10_000);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    stop: () => apollo.stop(),
  };
}

/** A body too large or not JSON gets a GraphQL-shaped error with a stable code, not an HTML page. */
const bodyErrorHandler: express.ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  } else {
    next(error);
  }
};

/** Request count, latency and statement count by operation, and one log line per request. */
function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ operationName }) {
          const scope = requestScope.getStore();
          if (scope) scope.operation = operationName ?? 'anonymous';
        },
        async willSendResponse({ errors, operationName }) {
          const operation = operationName ?? 'anonymous';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.requests.inc({ operation, outcome });
          metrics.latency.observe({ operation }, seconds);
          contextValue.logger?.info(
            { operation, outcome, ms: Math.round(seconds * 1000), statements: requestScope.getStore()?.statements },
            'graphql request',
          );
        },
      };
    },
  };
}
