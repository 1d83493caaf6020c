// LEAD_COLUMNS one by one, so that a page of leads selects only the fields its
// client asked for: most of the CPU of a page is parsing columns (dates, JSON)
// and building the row objects, so a page of three fields costs far less than
// one of all seventeen.

import { LEAD_COLUMNS } from './lead.model';

/** The comma-separated items of a select list, commas inside parentheses (subqueries) kept. */
function splitSelectList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(text.slice(start).trim());
  return items;
}

/** The field a select item fills: its `AS "alias"`, else the bare column name (`l.email` -> email). */
function fieldOf(item: string): string {
  return /\bAS "(\w+)"$/.exec(item)?.[1] ?? item.slice(item.lastIndexOf('.') + 1);
}

/** LeadRecord field -> its item of LEAD_COLUMNS (fixed text). */
const COLUMN_OF: ReadonlyMap<string, string> = new Map(splitSelectList(LEAD_COLUMNS).map((item) => [fieldOf(item), item]));

/**
 * The LEAD_COLUMNS items of the given LeadRecord fields, `id` always among
 * them; names that are not columns (field resolvers, __typename) are ignored.
 * null: all of LEAD_COLUMNS. Only fixed text: no name reaches the SQL.
 */
export function leadColumns(fields: ReadonlySet<string> | null): string {
  if (fields === null) return LEAD_COLUMNS;
  const items = [COLUMN_OF.get('id')!];
  for (const [field, item] of COLUMN_OF) if (field !== 'id' && fields.has(field)) items.push(item);
  return items.join(', ');
}

/** Every LeadRecord field LEAD_COLUMNS fills (for tests). */
export const LEAD_COLUMN_FIELDS: readonly string[] = [...COLUMN_OF.keys()];
