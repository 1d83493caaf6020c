// Names in many scripts, and their ASCII forms for email addresses and domains.

/**
 * A name as people write it, with its ASCII romanisation when the script is
 * not Latin (Cyrillic, Greek, CJK): `['Алексей', 'aleksey']`. A plain string is
 * Latin script and is romanised by `toAscii`.
 */
export type Name = string | readonly [native: string, latin: string];

/** The name as written. */
export function nativeOf(name: Name): string {
  return typeof name === 'string' ? name : name[0];
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  ı: 'i', // Turkish dotless i (İ decomposes to I + combining dot, handled by NFD)
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};

/** Latin text without diacritics: "Müller" -> "Muller", "Weiß" -> "Weiss", "Işık" -> "Isik". */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (c) => SPECIAL[c] ?? '');
}

/**
 * A lower-case ASCII token for email local parts and domain labels: letters and
 * digits only, words joined by `joiner` ("Côte Bleue" -> "cotebleue" or "cote-bleue").
 */
export function slug(name: Name, joiner = ''): string {
  const latin = typeof name === 'string' ? toAscii(name) : name[1];
  return latin
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part.length > 0)
    .join(joiner);
}
