// Reading leads and their events: by id, by email, in pages, in batches for DataLoader.

import type { DataSource } from 'typeorm';
import { EVENT_COLUMNS, LEAD_COLUMNS, type EventRecord, type LeadRecord } from './lead.model';
import { decodeCursor, encodeCursor, isBigint, isTimestamp } from './cursor';
import { isUuid } from '../db/uuid';


export interface EventPage {
  readonly edges: readonly { node: EventRecord; cursor: string }[];
  readonly hasNextPage: boolean;
}

export class LeadQuery {
  constructor(private readonly db: DataSource) {}

  /** Leads by id, in the order asked, null where none exists in the workspace. One statement. */
  async leadsByIds(workspaceId: string, ids: readonly string[]): Promise<(LeadRecord | null)[]> {
    const valid = ids.filter((id) => isUuid(id));
    const rows: LeadRecord[] = valid.length
      ? await this.db.query(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.workspace_id = $1 AND l.id = ANY($2::uuid[])`, [workspaceId, valid])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** The lead with this email (case-insensitively), or null. */
  async leadByEmail(workspaceId: string, email: string): Promise<LeadRecord | null> {
    const rows: LeadRecord[] = await this.db.query(
      `SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.workspace_id = $1 AND lower(l.email) = lower($2)`,
      [workspaceId, email.trim()],
    );
    return rows[0] ?? null;
  }

  /**
   * The newest events of many leads at once (newest first, ties by id), `first`
   * per lead, after the given cursor: one statement whatever the number of leads.
   */
  async eventPages(workspaceId: string, leadIds: readonly string[], first: number, after: string | null): Promise<EventPage[]> {
    const [afterTime, afterId] = after ? decodeCursor('event', after, 2, [isTimestamp, isBigint]) : [null, null];
    const rows: (EventRecord & { cursorTime: string })[] = await this.db.query(
      `SELECT ${EVENT_COLUMNS}, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorTime"
       FROM unnest($2::uuid[]) AS k(lead_id)
       CROSS JOIN LATERAL (
         SELECT * FROM events e
         WHERE e.workspace_id = $1 AND e.lead_id = k.lead_id
           AND ($4::timestamptz IS NULL OR (e.occurred_at, e.id) < ($4::timestamptz, $5::bigint))
         ORDER BY e.occurred_at DESC, e.id DESC
         LIMIT $3
       ) e`,
      [workspaceId, leadIds, first + 1, afterTime, afterId],
    );
    const byLead = new Map<string, (EventRecord & { cursorTime: string })[]>();
    for (const row of rows) {
      const list = byLead.get(row.leadId) ?? [];
      list.push(row);
      byLead.set(row.leadId, list);
    }
    return leadIds.map((leadId) => {
      const list = byLead.get(leadId) ?? [];
      return {
        hasNextPage: list.length > first,
        edges: list.slice(0, first).map(({ cursorTime, ...node }) => ({ node, cursor: encodeCursor('event', [cursorTime, node.id]) })),
      };
    });
  }
}
