import fc from 'fast-check';
import { Client } from 'pg';
import { testDatabaseUrl } from '../../test/support/database';
import { compile, sql } from '../sql';
import { decayBucket, decayedSum, decayFactor, planDecay, round2 } from './score';
import { decayFactorSql } from './sql/decay';

describe('shared scoring arithmetic, checked against Postgres', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  /** Postgres's round(x::numeric, 2)::float8 for many x in one statement. */
  async function pgRound2(xs: readonly number[]): Promise<number[]> {
    const { rows } = await client.query<{ r: number[] }>(
      `SELECT array_agg(round(x::numeric, 2)::float8 ORDER BY i) AS r FROM unnest($1::float8[]) WITH ORDINALITY AS t(x, i)`,
      [xs],
    );
    return rows[0].r;
  }

  it('round2: hand-picked values, exact ties at 15 digits included', async () => {
    const xs = [
      0, 0.125, -0.125, 1.005, 2.675, 1.115, -1.005, 0.285, 10.075, 0.3 + 0.6, 0.1 + 0.2, 12.0234375, 9.7734375,
      1000000000000005, 1000000000000015, 1234 + 1 / 4096, 5678 + 3 / 4096, 12345678901234.25, 1e13 + 0.005,
      123456789.125, 99999999999.995, 0.004999999999999999, 0.005, -0.005, 5e-324, 1e300, -1e300, 1e15 + 0.5, 4503599627370497,
      1e-7, 123.455, 8.345, 1.0049999999999999,
    ];
    const expected = await pgRound2(xs);
    expect(xs.map(round2)).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
    expect(round2(-0.001)).toBe(0);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(round2(1.005)).toBe(1.01);
  });

  it('round2: random doubles of every scale', async () => {
    const arb = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e16, max: 1e16, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 8),
      fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 1 << 20 })).map(([a, b]) => a + b / 2 ** 20),
    );
    const xs = fc.sample(arb, { numRuns: 20000, seed: 42 });
    const expected = await pgRound2(xs);
    const mismatches = xs.filter((x, i) => !Object.is(round2(x), expected[i] === 0 ? 0 : expected[i]));
    expect(mismatches).toEqual([]);
  });

  it('decay factors: the SQL chain gives the same doubles as JS for every percent and bucket, no underflow error', async () => {
    const percents = [100, 50, 10, 1, 0.5, 33.3, 99.99, 0.01, 0.001, 12.5, 75];
    for (const percent of percents) {
      const plan = planDecay(percent);
      const ks = [0, 1, 2, 3, 7, 8, 100, 1000, 12345, 65535, 1_000_000, 9_000_000];
      if (plan.zeroFrom !== null) ks.push(plan.zeroFrom - 1, plan.zeroFrom, plan.zeroFrom + 1);
      const k = sql.identifier('t', 'k');
      const q = compile(sql`SELECT array_agg(${decayFactorSql(plan, k)} ORDER BY t.i) AS f FROM unnest(${sql.value(ks)}::int8[]) WITH ORDINALITY AS t(k, i)`);
      const { rows } = await client.query<{ f: number[] }>(q.text, q.values);
      expect({ percent, factors: ks.map((kk) => decayFactor(plan, kk)) }).toEqual({ percent, factors: rows[0].f });
    }
  });

  it('decay: 100% keeps bucket 0 only; 50% halves per bucket; factors never underflow below 1e-300', () => {
    expect([0, 1, 5].map((k) => decayFactor(planDecay(100), k))).toEqual([1, 0, 0]);
    expect([0, 1, 2, 3, 10].map((k) => decayFactor(planDecay(50), k))).toEqual([1, 0.5, 0.25, 0.125, 1 / 1024]);
    const plan = planDecay(50);
    expect(plan.zeroFrom).toBe(499);
    expect(decayFactor(plan, 498)).toBeGreaterThan(1e-151);
    expect(decayFactor(plan, 499)).toBe(0);
  });

  it('decayBucket is floor(age / every), exact, and 0 for a non-positive period', () => {
    const week = 604_800_000;
    expect(decayBucket(0, week)).toBe(0);
    expect(decayBucket(week - 1, week)).toBe(0);
    expect(decayBucket(week, week)).toBe(1);
    expect(decayBucket(3 * week + 5, week)).toBe(3);
    expect(decayBucket(8_000_000_000_000_000, 3_600_000)).toBe(2_222_222_222);
    expect(decayBucket(10, 0)).toBe(0);
  });

  it('decayedSum multiplies per bucket, then adds buckets in ascending order', () => {
    const plan = planDecay(50);
    expect(decayedSum(3, plan, [0, 0, 1, 1, 2, 7])).toBe(6 + 3 + 0.75 + 3 / 128);
    expect(decayedSum(3, plan, [])).toBe(0);
  });
});
