import { Client } from 'pg';
import { testDatabaseUrl } from '../../test/support/database';
import { compileGlob, globMatches, globToLike } from './glob';

const CASES: readonly [string, string, boolean][] = [
  ['/pricing', '/pricing', true],
  ['/pricing', '/pricing/', false],
  ['/pricing', '/Pricing', false],
  ['/blog/*', '/blog/', true],
  ['/blog/*', '/blog/a/b/c', true],
  ['/blog/*', '/blog', false],
  ['*', '', true],
  ['*', 'anything/at/all', true],
  ['**', 'x', true],
  ['', '', true],
  ['', 'x', false],
  ['a*a', 'a', false],
  ['a*a', 'aa', true],
  ['a*b*c', 'abc', true],
  ['a*b*c', 'acb', false],
  ['a*b*c', 'abcbc', true],
  ['*ab*ab', 'abab', true],
  ['*aab', 'aaab', true],
  ['%', 'x', false],
  ['%', '%', true],
  ['_', 'x', false],
  ['a_c', 'a_c', true],
  ['\\*', '\\anything', true],
  ['\\', '\\', true],
  ['/ünï/*/東京', '/ünï/x/東京', true],
  ['/ü*', '/Ü', false],
  ['*😀*', 'a😀b', true],
];

describe('glob', () => {
  it.each(CASES)('%j matches %j: %s', (pattern, value, expected) => {
    expect(globMatches(compileGlob(pattern), value)).toBe(expected);
  });

  it('escapes LIKE metacharacters and turns * into %', () => {
    expect(globToLike('/a_b%c\\d*')).toBe('/a\\_b\\%c\\\\d%');
  });

  it('the LIKE pattern matches exactly what the JS matcher matches, on Postgres', async () => {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ m: boolean[] }>(
        `SELECT array_agg(v COLLATE "C" LIKE p ORDER BY i) AS m FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(v, p, i)`,
        [CASES.map((c) => c[1]), CASES.map((c) => globToLike(c[0]))],
      );
      expect(rows[0].m).toEqual(CASES.map((c) => c[2]));
    } finally {
      await client.end();
    }
  });
});
