import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Something a lead did: a page view, an email open, a form submission, ... */
@Entity({ name: 'events' })
export class LeadEvent {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** Ordered by arrival; a bigint, kept as a string to stay exact. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column('text')
  type!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb' })
  properties!: Record<string, string>;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
