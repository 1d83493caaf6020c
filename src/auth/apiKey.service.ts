// API keys: created with a role, shown once, stored as a SHA-256 hash, checked
// on every request (so a revoked key stops working at once), revocable.

import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../errors/appError';
import { ErrorCode } from '../errors/errorCode';
import { isRole, type Role } from './role';
import { isUuid } from '../db/uuid';

/** Who a request acts as. */
export interface Principal {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly role: Role;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** The first characters of the key, to tell keys apart; never the key. */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CreatedApiKey extends ApiKeyRecord {
  /** The key itself: shown once, never stored. */
  key: string;
}

const KEY_PREFIX = 'lsk_';
const COLUMNS = `id, name, role, prefix, created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** Keys are 32 random bytes: a fast hash is enough, no salt or stretching needed. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class ApiKeyService {
  constructor(private readonly db: DataSource) {}

  /** Creates a key; the returned `key` is the only time it is seen. */
  async createKey(workspaceId: string, name: string, role: string): Promise<CreatedApiKey> {
    if (!isRole(role)) throw new AppError(ErrorCode.BAD_USER_INPUT, `role must be admin, writer or reader, got "${role}"`, { field: 'role' });
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A key name has 1 to 200 characters', { field: 'name' });
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [row]: ApiKeyRecord[] = await this.db.query(
      `INSERT INTO api_keys (workspace_id, name, role, key_hash, prefix) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [workspaceId, trimmed, role, hashKey(key), key.slice(0, 12)],
    );
    return { ...row, key };
  }

  /**
   * Registers a key chosen outside (ADMIN_API_KEY): idempotent, and a key
   * registered before under this workspace keeps its row.
   */
  async registerKey(workspaceId: string, key: string, role: Role, name: string): Promise<void> {
    if (key.length < 24) throw new Error('ADMIN_API_KEY must have at least 24 characters');
    await this.db.query(
      `INSERT INTO api_keys (workspace_id, name, role, key_hash, prefix) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, key_hash) DO UPDATE SET role = excluded.role, revoked_at = NULL`,
      [workspaceId, name, role, hashKey(key), key.slice(0, 12)],
    );
  }

  /** Marks a key revoked; NOT_FOUND when the workspace has no such key. Returns the key. */
  async revokeKey(workspaceId: string, id: string): Promise<ApiKeyRecord> {
    const rows: [ApiKeyRecord[], number] = isUuid(id)
      ? await this.db.query(
          `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [workspaceId, id],
        )
      : [[], 0];
    if (!rows[0].length) throw new AppError(ErrorCode.NOT_FOUND, `No API key with id "${id}"`, { field: 'id' });
    return rows[0][0];
  }

  async listKeys(workspaceId: string): Promise<ApiKeyRecord[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId]);
  }

  /** The principal of a presented key, or null for an unknown or revoked one. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!key.startsWith(KEY_PREFIX) && key.length < 24) return null;
    const rows: { workspaceId: string; id: string; role: Role }[] = await this.db.query(
      `SELECT workspace_id AS "workspaceId", id, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashKey(key)],
    );
    return rows[0] ? { workspaceId: rows[0].workspaceId, keyId: rows[0].id, role: rows[0].role } : null;
  }

  /**
   * True while the key is not revoked; open subscriptions ask before every
   * outbox read. Answers are shared for up to a second, so a thousand
   * subscriptions of one key cost one query per second, and a revocation
   * reaches them within a second.
   */
  isActive(principal: Principal): Promise<boolean> {
    const now = Date.now();
    const cached = this.activeChecks.get(principal.keyId);
    if (cached && cached.until > now) return cached.answer;
    const answer = this.db
      .query(`SELECT 1 FROM api_keys WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL`, [principal.workspaceId, principal.keyId])
      .then((rows: unknown[]) => rows.length > 0);
    this.activeChecks.set(principal.keyId, { answer, until: now + 1000 });
    answer.catch(() => this.activeChecks.delete(principal.keyId));
    return answer;
  }

  private readonly activeChecks = new Map<string, { answer: Promise<boolean>; until: number }>();
}

/** The key in an `Authorization: Bearer <key>` value, or null. */
export function bearerKey(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return match ? match[1] : null;
}
