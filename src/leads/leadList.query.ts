// The `leads` list: filter, order and page leads with their score under one
// model, by keyset (cursor) paging that stays fast at any depth.

import type { DataSource } from 'typeorm';
import type { LeadScoreRecord } from '../scoring/model.types';
import { prefixedScoreColumns, splitScore } from '../scoring/scoreColumns';
import { leadColumns } from './leadColumns';
import type { LeadRecord } from './lead.model';
import { decodeCursor, encodeCursor, isFloat, isNullable, isTimestamp, isUuidValue } from './cursor';

export type LeadOrderField = 'TOTAL' | 'FIT' | 'ENGAGEMENT' | 'CREATED_AT' | 'LAST_ACTIVITY_AT';
export type SortDirection = 'ASC' | 'DESC';

export interface LeadListFilter {
  stage?: string | null;
  stages?: readonly string[] | null;
  minTotal?: number | null;
  maxTotal?: number | null;
  grade?: string | null;
  /** Case-insensitive substring of email, first and last name, company or title. */
  search?: string | null;
}

/** Stands for the workspace's default model, looked up in the page's own statement. */
export const DEFAULT_MODEL = Symbol('the default model');

export interface LeadListArgs {
  readonly workspaceId: string;
  /**
   * The model whose scores filter, order and come with each lead: an id,
   * DEFAULT_MODEL, or null: no model (score filters then match nothing).
   */
  readonly modelId: string | typeof DEFAULT_MODEL | null;
  readonly first: number;
  readonly after: string | null;
  readonly filter: LeadListFilter;
  readonly orderBy: { field: LeadOrderField; direction: SortDirection };
  /**
   * The LeadRecord fields to read (`id` always), and each lead's score: false
   * for none, true for whole scores, or the LeadScoreRecord fields to read
   * (modelId and leadId always; such scores are partial). Default: every
   * field, and whole scores.
   */
  readonly select?: { readonly fields: ReadonlySet<string>; readonly scores: boolean | ReadonlySet<string> };
}

/** A lead of a page: the fields asked for in `select` (all by default), `id` always. */
export type ListedLead = Pick<LeadRecord, 'id'> & Partial<LeadRecord>;

export interface LeadListPage {
  /**
   * Each lead with its current score under the page's model (null when it has
   * none; undefined when `select` left the scores out; partial when `select` named its fields).
   */
  readonly edges: { node: ListedLead; cursor: string; score?: LeadScoreRecord | null }[];
  /**
   * The page's model (DEFAULT_MODEL resolved; null: none), or undefined on an
   * empty page, where the statement returns no row to carry it.
   */
  readonly modelId: string | null | undefined;
  readonly hasNextPage: boolean;
  /** Counts every lead matching the filter; run only when asked for. */
  readonly totalCount: () => Promise<number>;
}

/** Sort key SQL and how its value is written in a cursor; every expression is fixed text. */
const SORT: Record<LeadOrderField, { expr: string; text: string; nullable: boolean; check: (v: string | null) => boolean }> = {
  TOTAL: { expr: 's.total', text: 's.total::text', nullable: false, check: isFloat },
  FIT: { expr: 's.fit', text: 's.fit::text', nullable: false, check: isFloat },
  ENGAGEMENT: { expr: 's.engagement', text: 's.engagement::text', nullable: false, check: isFloat },
  CREATED_AT: { expr: 'l.created_at', text: utcText('l.created_at'), nullable: false, check: isTimestamp },
  LAST_ACTIVITY_AT: { expr: 'a.last_activity_at', text: utcText('a.last_activity_at'), nullable: true, check: isNullable(isTimestamp) },
};
const CAST: Record<LeadOrderField, string> = {
  TOTAL: 'float8',
  FIT: 'float8',
  ENGAGEMENT: 'float8',
  CREATED_AT: 'timestamptz',
  LAST_ACTIVITY_AT: 'timestamptz',
};

function utcText(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The workspace's default model ($1 is always the workspace): unique index scoring_models_default_key. */
const DEFAULT_MODEL_ID = `(SELECT m.id FROM scoring_models m WHERE m.workspace_id = $1 AND m.is_default)`;

/** The expression the trigram index `leads_search_idx` is built on. */
const SEARCH_EXPR = `lower(coalesce(l.email, '') || ' ' || coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '') || ' ' ||
  coalesce(l.company, '') || ' ' || coalesce(l.title, ''))`;

export class LeadListQuery {
  constructor(private readonly db: DataSource) {}

  /** One page of leads; refuses a cursor made for another ordering (INVALID_CURSOR). */
  async list(args: LeadListArgs): Promise<LeadListPage> {
    const { field, direction } = args.orderBy;
    const sort = SORT[field];
    const values: unknown[] = [];
    const bind = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [`l.workspace_id = ${bind(args.workspaceId)}`];
    // A bound id, or the default model's id from its unique index, read once (an InitPlan) by the statement.
    const model = args.modelId === DEFAULT_MODEL ? DEFAULT_MODEL_ID : `${bind(args.modelId)}::uuid`;
    const f = args.filter;
    const usesScores =
      field === 'TOTAL' || field === 'FIT' || field === 'ENGAGEMENT' ||
      f.stage != null || f.stages != null || f.minTotal != null || f.maxTotal != null || f.grade != null;
    if (f.stage != null) where.push(`s.stage = ${bind(f.stage)}`);
    if (f.stages != null) where.push(`s.stage = ANY(${bind(f.stages)}::text[])`);
    if (f.minTotal != null) where.push(`s.total >= ${bind(f.minTotal)}`);
    if (f.maxTotal != null) where.push(`s.total <= ${bind(f.maxTotal)}`);
    if (f.grade != null) where.push(`s.grade = ${bind(f.grade)}`);
    if (f.search != null && f.search.trim() !== '') {
      where.push(`${SEARCH_EXPR} LIKE '%' || ${bind(escapeLike(f.search.trim().toLowerCase()))} || '%'`);
    }
    // Scored leads only when scores filter or order; otherwise every lead, with its score if any.
    let from = usesScores
      ? `FROM lead_scores s JOIN leads l ON l.workspace_id = s.workspace_id AND l.id = s.lead_id AND s.model_id = ${model}`
      : `FROM leads l LEFT JOIN lead_scores s ON s.workspace_id = l.workspace_id AND s.lead_id = l.id AND s.model_id = ${model}`;
    // By last activity: its own table, whose index (every lead has a row) serves the order.
    const byActivity = field === 'LAST_ACTIVITY_AT';
    if (byActivity) from += ' JOIN lead_activity a ON a.workspace_id = l.workspace_id AND a.lead_id = l.id';
    const countWhere = [...where];
    const countValues = [...values];

    const kind = `lead:${field}:${direction}`;
    // The scores' own lead_id when scores drive the query, so their index serves the order.
    const idExpr = usesScores ? 's.lead_id' : byActivity ? 'a.lead_id' : 'l.id';
    if (args.after) {
      const [value, id] = decodeCursor(kind, args.after, 2, [sort.check, isUuidValue]);
      where.push(keysetCondition(sort.expr, idExpr, CAST[field], sort.nullable, direction, value, id!, bind));
    }
    const dir = direction === 'DESC' ? 'DESC' : 'ASC';
    const nulls = sort.nullable ? ' NULLS LAST' : '';
    // Only the fields asked for; each lead with its score when asked (the Lead.score loader is primed with it).
    const columns = leadColumns(args.select?.fields ?? null);
    const scores = args.select?.scores ?? true;
    const scoreColumns = scores === false ? '' : `, ${prefixedScoreColumns(scores === true ? null : scores)}`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${columns}, ${sort.text} AS "sortText", ${model} AS "pageModelId"${scoreColumns} ${from}
       WHERE ${where.join(' AND ')}
       ORDER BY ${sort.expr} ${dir}${nulls}, ${idExpr} ${dir}
       LIMIT ${bind(args.first + 1)}`,
      values,
    );
    return {
      hasNextPage: rows.length > args.first,
      modelId: rows.length ? (rows[0].pageModelId as string | null) : undefined,
      edges: rows.slice(0, args.first).map((row) => {
        const { rest, score } = scores !== false ? splitScore(row) : { rest: row, score: undefined };
        const { sortText, pageModelId: _model, ...node } = rest as ListedLead & { sortText: string | null; pageModelId: unknown };
        return new LeadEdge(node, score, kind, sortText);
      }),
      totalCount: async () => {
        const [{ count }] = await this.db.query(`SELECT count(*)::int AS count ${from} WHERE ${countWhere.join(' AND ')}`, countValues);
        return count as number;
      },
    };
  }
}

/** An edge of a page; its cursor is encoded when read (clients mostly read the last one, as pageInfo.endCursor). */
class LeadEdge {
  constructor(
    readonly node: ListedLead,
    readonly score: LeadScoreRecord | null | undefined,
    private readonly kind: string,
    private readonly sortText: string | null,
  ) {}

  get cursor(): string {
    return encodeCursor(this.kind, [this.sortText, this.node.id]);
  }
}

/**
 * Rows strictly after (value, id) in `ORDER BY expr dir [NULLS LAST], id dir`.
 * A non-nullable key uses a row comparison, which an index on (expr, id) serves directly.
 */
function keysetCondition(
  expr: string,
  idExpr: string,
  cast: string,
  nullable: boolean,
  direction: SortDirection,
  value: string | null,
  id: string,
  bind: (v: unknown) => string,
): string {
  const op = direction === 'DESC' ? '<' : '>';
  const idParam = `${bind(id)}::uuid`;
  if (value === null) return `(${expr} IS NULL AND ${idExpr} ${op} ${idParam})`;
  const v = `${bind(value)}::${cast}`;
  if (!nullable) return `(${expr}, ${idExpr}) ${op} (${v}, ${idParam})`;
  return `(${expr} ${op} ${v} OR (${expr} = ${v} AND ${idExpr} ${op} ${idParam}) OR ${expr} IS NULL)`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
