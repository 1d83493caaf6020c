import { Client } from 'pg';
import { testDatabaseUrl } from '../../test/support/database';
import { CASE_FOLD_EXCEPTIONS, simpleLower } from './caseFold';

describe('simpleLower agrees with lower(x COLLATE pg_c_utf8)', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  const samples = [
    'ДИРЕКТОР по продажам',
    'ΣΑΣ',
    'ΟΔΥΣΣΕΥΣ ΣΑΣ',
    'σας',
    'İstanbul',
    'DİYARBAKIR',
    'Straße',
    'GROẞ',
    '東京タワー',
    'Ångström ÉCOLE Çà',
    'ǅemal ǄEMAL',
    'ΐ ΰ',
    'Ꭰ ꭰ',
    'Mixed ASCII 123 !@#',
    '',
    '😀 𐐀 𐐨',
  ];

  it.each(samples)('%s', async (s) => {
    const { rows } = await client.query('SELECT lower($1::text COLLATE pg_c_utf8) AS l', [s]);
    expect(simpleLower(s)).toBe(rows[0].l);
  });

  it('differs from toLowerCase only where documented (Σ final sigma, İ)', () => {
    expect(simpleLower('ΣΑΣ')).toBe('σασ');
    expect('ΣΑΣ'.toLowerCase()).toBe('σας');
    expect(simpleLower('İ')).toBe('i');
    expect('İ'.toLowerCase()).toBe('i\u0307');
  });

  it('agrees on every code point of Unicode, one at a time', async () => {
    // Postgres lists what it changes; everything else must map to itself in JS too.
    const { rows } = await client.query<{ cp: number; l: string }>(
      `SELECT cp, lower(chr(cp) COLLATE pg_c_utf8) AS l FROM generate_series(1, 1114111) cp
       WHERE cp NOT BETWEEN 55296 AND 57343 AND lower(chr(cp) COLLATE pg_c_utf8) <> chr(cp)`,
    );
    const pg = new Map(rows.map((r) => [r.cp, r.l]));
    expect(pg.size).toBeGreaterThan(1000);
    const mismatches: string[] = [];
    for (let cp = 1; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = pg.get(cp) ?? ch;
      if (simpleLower(ch) !== expected || simpleLower(`a${ch}B`) !== `a${expected}b`) mismatches.push(cp.toString(16));
    }
    expect(mismatches).toEqual([]);
    // The exception table holds exactly the code points where the engines' mappings differ.
    // (Σ differs only in context: after a letter, at the end of a word, toLowerCase gives ς.)
    for (const cp of CASE_FOLD_EXCEPTIONS.keys()) {
      const ch = String.fromCodePoint(cp);
      expect(`a${ch}`.toLowerCase()).not.toBe(`a${pg.get(cp) ?? ch}`);
    }
  });
});
