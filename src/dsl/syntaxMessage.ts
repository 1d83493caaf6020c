// Turns the parser's "expected" set into a sentence a marketer can act on:
// "Expected "when" or "per" but found "wen"."

import { SELECTOR_NAMES } from './catalog';
import type { Expectation } from './generated/parser';

const CONDITION = 'a condition like employees >= 200 or visited("/pricing")';
const OPERATOR = 'an operator like =, >=, in, contains or is set';
const RULE = 'a rule like +10 when employees >= 200';

/**
 * Groups of expectations that read better as one phrase: when every `trigger`
 * is expected, all `members` are replaced by `phrase`.
 */
const GROUPS: readonly { triggers: readonly string[]; members: readonly string[]; phrase: string }[] = [
  {
    triggers: ['qualify', 'points like +10'],
    members: ['fit', 'engagement', 'qualify', 'disqualify', 'points like +10', 'end of line'],
    phrase: RULE,
  },
  {
    triggers: ['a name', 'count'],
    members: ['(', 'not', 'count', 'inactive', 'a name'],
    phrase: CONDITION,
  },
  {
    triggers: ['is', 'an operator like = or >='],
    members: ['is', 'not', 'in', 'an operator like = or >=', 'an operator like contains', '.', '('],
    phrase: OPERATOR,
  },
];

function describe(e: Expectation): string | null {
  switch (e.type) {
    case 'literal':
      return e.text;
    case 'other':
      return e.description;
    case 'end':
      return 'end of line';
    case 'class':
    case 'any':
      return null; // only inside named rules, whose name is reported instead
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** Literals (keywords, punctuation) are quoted; named tokens are phrases. */
function quote(item: string, literals: ReadonlySet<string>): string {
  return literals.has(item) ? `"${item}"` : item;
}

export function expectedPhrase(expected: readonly Expectation[]): string {
  const literals = new Set(expected.flatMap((e) => (e.type === 'literal' ? [e.text] : [])));
  let items = [...new Set(expected.map(describe).filter((d): d is string => d !== null))];
  for (const group of GROUPS) {
    if (!group.triggers.every((t) => items.includes(t))) continue;
    const first = items.findIndex((item) => group.members.includes(item));
    items = items.filter((item) => !group.members.includes(item));
    items.splice(first, 0, group.phrase);
  }
  // "end of line" reads best last; a comment is always possible there and not worth saying.
  const end = items.includes('end of line');
  items = items.filter((item) => item !== 'end of line' && item !== 'a # comment');
  if (end) items.push('end of line');
  const quoted = items.map((item) => quote(item, literals));
  if (quoted.length === 0) return 'something else';
  if (quoted.length === 1) return quoted[0];
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

const WORD = /[A-Za-z0-9_.]/;

/** The token of `line` at `index`, as shown after "but found", and its length. */
export function foundToken(line: string, index: number): { text: string; length: number } {
  if (index >= line.length) return { text: 'end of line', length: 0 };
  const c = line[index];
  let end = index + 1;
  if (c === '"') {
    const close = line.indexOf('"', index + 1);
    end = close === -1 ? line.length : close + 1;
    return { text: truncate(line.slice(index, end)), length: end - index };
  }
  if (WORD.test(c)) {
    while (end < line.length && WORD.test(line[end])) end++;
  } else if (/[<>!=]/.test(c)) {
    while (end < line.length && /[<>!=]/.test(line[end])) end++;
  } else {
    const cp = line.codePointAt(index) ?? 0;
    end = index + (cp > 0xffff ? 2 : 1);
  }
  return { text: `"${truncate(line.slice(index, end))}"`, length: end - index };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const CURLY_QUOTES = /[\u201c\u201d\u201e\u2018\u2019]/;

export function syntaxMessage(expected: readonly Expectation[], line: string, index: number): string {
  const found = foundToken(line, index);
  return `Expected ${expectedPhrase(expected)} but found ${found.text}.${hint(expected, line, index)}`;
}

/** A second sentence for the mistakes that are easy to make and hard to see. */
function hint(expected: readonly Expectation[], line: string, index: number): string {
  if (CURLY_QUOTES.test(line[index] ?? '')) return ' Text goes between straight double quotes ("), not curly ones.';
  const literals = expected.flatMap((e) => (e.type === 'literal' ? [e.text] : []));
  const word = /^[A-Za-z_]+/.exec(line.slice(index))?.[0];
  if (word && word !== word.toLowerCase() && literals.includes(word.toLowerCase())) {
    return ' Keywords are written in lower case.';
  }
  const previous = /([A-Za-z_]+)\s*$/.exec(line.slice(0, index))?.[1];
  if (previous && SELECTOR_NAMES.includes(previous) && literals.includes('(')) {
    return ` Events are written with parentheses, like ${previous}(${previous === 'visited' ? '"/pricing"' : ''}).`;
  }
  return '';
}
