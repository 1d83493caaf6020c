import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { getSchema } from '../graphql/schema';
import { LEAD_COLUMNS } from './lead.model';
import { LEAD_COLUMN_FIELDS, leadColumns } from './leadColumns';

describe('leadColumns', () => {
  it('has a column for every scalar field of the GraphQL Lead type, and gives all of LEAD_COLUMNS for null', async () => {
    const lead = (await getSchema()).getType('Lead') as GraphQLObjectType;
    const scalars = Object.values(lead.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
    expect(scalars.length).toBeGreaterThan(10);
    for (const field of scalars) expect(LEAD_COLUMN_FIELDS).toContain(field.name);
    expect(leadColumns(null)).toBe(LEAD_COLUMNS);
  });

  it('selects id always, then the asked fields in LEAD_COLUMNS order, ignoring names that are not columns', () => {
    expect(leadColumns(new Set(['company', 'events', '__typename', 'email']))).toBe('l.id, l.email, l.company');
    expect(leadColumns(new Set())).toBe('l.id');
    expect(leadColumns(new Set(['lastActivityAt']))).toMatch(/^l\.id, \(SELECT .*\) AS "lastActivityAt"$/s);
  });
});
