import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant: every other row belongs to exactly one workspace. */
@Entity({ name: 'workspaces' })
export class Workspace {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
