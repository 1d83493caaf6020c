import { Client } from 'pg';
import { testDatabaseUrl } from '../../test/support/database';
import { compile, isSqlFragment, sql, type SqlFragment } from './index';

describe('sql fragments', () => {
  it('numbers parameters $1..$n in text order', () => {
    const q = sql`SELECT ${sql.value(1)} + ${sql.value(2)}, ${sql.value('x')}`;
    expect(compile(q)).toEqual({ text: 'SELECT $1 + $2, $3', values: [1, 2, 'x'] });
  });

  it('nests fragments and keeps numbering across them', () => {
    const inner = sql`a = ${sql.value('A')}`;
    const q = sql`SELECT * FROM t WHERE ${inner} AND b = ${sql.value('B')} OR ${inner}`;
    const { text, values } = compile(q);
    expect(text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2 OR a = $1');
    expect(values).toEqual(['A', 'B']);
  });

  it('binds one value fragment used twice once; equal values from distinct calls stay distinct', () => {
    const v = sql.value(7);
    expect(compile(sql`${v}, ${v}, ${sql.value(7)}`)).toEqual({ text: '$1, $1, $2', values: [7, 7] });
  });

  it('throws when a plain value is interpolated without wrapping', () => {
    const evil = "'; DROP TABLE leads; --";
    const tag = sql as unknown as (s: TemplateStringsArray, ...v: unknown[]) => SqlFragment;
    expect(() => tag`SELECT ${evil}`).toThrow(/not a fragment/);
    expect(() => tag`SELECT ${42}`).toThrow(/number, not a fragment/);
    expect(() => tag`SELECT ${null}`).toThrow(/null, not a fragment/);
    expect(() => tag`SELECT ${{ text: 'x' }}`).toThrow(/object, not a fragment/);
    expect(() => sql.join(['x' as unknown as SqlFragment], ', ')).toThrow(/not a fragment/);
  });

  it('quotes identifiers and escapes embedded quotes', () => {
    expect(compile(sql`SELECT ${sql.identifier('l', 'email')} FROM ${sql.identifier('we"ird')}`).text).toBe(
      'SELECT "l"."email" FROM "we""ird"',
    );
    expect(() => sql.identifier()).toThrow();
    expect(() => sql.identifier('')).toThrow();
  });

  it('joins with a constant or fragment separator; the empty list is empty', () => {
    const items = [1, 2, 3].map((n) => sql.value(n));
    expect(compile(sql`(${sql.join(items, ', ')})`)).toEqual({ text: '($1, $2, $3)', values: [1, 2, 3] });
    expect(compile(sql`x${sql.join([], ', ')}y`).text).toBe('xy');
    expect(compile(sql.join(items, sql` ${sql.raw('AND')} `)).text).toBe('$1 AND $2 AND $3');
  });

  it('raw accepts constant text only (checked by the type), and the empty raw is empty', () => {
    expect(compile(sql.raw('now()')).text).toBe('now()');
    expect(compile(sql`a${sql.raw('')}b`).text).toBe('ab');
    const computed: string = ['n', 'ow()'].join('');
    // @ts-expect-error a computed string is not a constant
    sql.raw(computed);
    expect(isSqlFragment(sql.raw('1'))).toBe(true);
    expect(isSqlFragment({})).toBe(false);
  });

  it('runs on Postgres with every value bound, never spliced', async () => {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const hostile = "O'Brien\"; DROP TABLE x; --";
      const q = sql`SELECT ${sql.value(hostile)}::text AS s, ${sql.value(2.5)}::float8 * 2 AS n, ${sql.value(['a', 'b'])}::text[] AS arr`;
      const { text, values } = compile(q);
      expect(text).not.toContain('Brien');
      const { rows } = await client.query(text, values);
      expect(rows).toEqual([{ s: hostile, n: 5, arr: ['a', 'b'] }]);
    } finally {
      await client.end();
    }
  });
});

describe('sql fragments at depth', () => {
  it('builds and compiles a 20,000-deep nesting in linear time without overflowing the stack', () => {
    let f = sql.raw('0');
    for (let i = 0; i < 20000; i++) f = sql`(${f} + ${sql.value(i)})`;
    const started = Date.now();
    const { text, values } = compile(f);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(values).toHaveLength(20000);
    expect(text.startsWith('((((')).toBe(true);
    expect(text.endsWith(' + $20000)')).toBe(true);
  });
});
