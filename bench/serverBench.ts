// Measures through the real GraphQL server in a process of its own (src/main.ts,
// as `npm start` runs it, production mode under `npm run bench`): trackEvents
// ingest and the leads query under concurrent load (autocannon). In its own
// process the server shares neither its event loop with the load generator
// nor its heap with the bench's generated data (at a million leads, garbage
// collection of that heap alone moved the query's p99).

import autocannon from 'autocannon';
import type { Services } from '../src/services';
import { DEFAULT_WORKSPACE_ID } from '../src/db/defaultWorkspace';
import { Random } from '../src/demo/random';
import { startServerProcess } from '../test/support/serverProcess';
import { median, round } from './benchSupport';

export interface BenchServer {
  readonly url: string;
  /** Request headers with an admin API key of the default workspace. */
  readonly headers: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the server process on the bench's database and schema; the per-key ingest rate limit (a policy, not a capacity) lifted. */
export async function startBenchServer(services: Services, databaseUrl: string, schema: string): Promise<BenchServer> {
  const { key } = await services.apiKeys.createKey(DEFAULT_WORKSPACE_ID, 'bench', 'admin');
  const server = await startServerProcess(databaseUrl, schema, { INGEST_ITEMS_PER_MINUTE: String(1e12) });
  return {
    url: server.url,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    stop: () => server.stop(),
  };
}

async function graphql<T>(server: BenchServer, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: server.headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

const TRACK = `mutation Track($input: [EventInput!]!) { trackEvents(input: $input) { accepted rescoredLeads } }`;
const BATCH = 1000;
const WORKERS = 2;

/** A batch of events for random generated leads (named by externalId), some of them moving scores across stages. */
function eventBatch(rng: Random, leadCount: number): Record<string, unknown>[] {
  const now = Date.now();
  return Array.from({ length: BATCH }, () => {
    const lead = `demo-${String(rng.int(1, leadCount)).padStart(6, '0')}`;
    const occurredAt = new Date(now - rng.int(0, 7 * 86_400_000)).toISOString();
    const kind = rng.int(0, 9);
    if (kind < 6) return { leadExternalId: lead, type: 'page_view', occurredAt, properties: { path: rng.pick(['/pricing', '/blog/a', '/docs', '/']) } };
    if (kind < 8) return { leadExternalId: lead, type: 'email_open', occurredAt, properties: { campaign: 'spring-launch' } };
    if (kind < 9) return { leadExternalId: lead, type: 'email_click', occurredAt, properties: { campaign: 'spring-launch' } };
    return { leadExternalId: lead, type: 'form_submit', occurredAt, properties: { form: rng.pick(['demo-request', 'newsletter']) } };
  });
}

/** WORKERS clients each sending batches of 1,000 back to back for `seconds` (with `headers`: another workspace's key). */
export async function measureIngest(server: BenchServer, leadCount: number, seconds: number, seed: number, headers = server.headers) {
  const rng = new Random(seed);
  const batches = Array.from({ length: 8 }, () => eventBatch(rng, leadCount)).map((input) => JSON.stringify({ query: TRACK, variables: { input } }));
  // One warm-up batch (compiles the model into the rescorer's cache).
  await graphql({ ...server, headers }, TRACK, { input: eventBatch(rng, leadCount) });
  const latencies: number[] = [];
  let accepted = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = w; performance.now() < deadline; i += WORKERS) {
        const t = performance.now();
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: batches[i % batches.length] });
        const body = (await response.json()) as { data?: { trackEvents: { accepted: number } }; errors?: unknown[] };
        if (!body.data) throw new Error(`trackEvents failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
        latencies.push(performance.now() - t);
        accepted += body.data.trackEvents.accepted;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { workers: WORKERS, batchSize: BATCH, batches: latencies.length, accepted, seconds: round(elapsed), eventsPerSecond: Math.round(accepted / elapsed), batchP50Ms: round(median(latencies)) };
}

const LEADS_QUERY = `query TopMql { leads(first: 50, orderBy: {field: TOTAL, direction: DESC}, filter: {stage: "MQL"}) {
  edges { node { id email company score { total grade stage } } } pageInfo { hasNextPage endCursor } } }`;
const CONNECTIONS = 8;

export async function measureLeadsQuery(server: BenchServer, seconds: number) {
  const first = await graphql<{ leads: { edges: unknown[] } }>(server, LEADS_QUERY);
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: server.headers,
    body: JSON.stringify({ query: LEADS_QUERY }),
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx || result.errors) throw new Error(`leads query: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return {
    connections: CONNECTIONS,
    pageSize: first.leads.edges.length,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}
