import { Inject, Injectable } from '@nestjs/common';
import type { DataExportStatus } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface DataExportRow {
  id: string;
  userId: string;
  status: DataExportStatus;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
  sizeBytes: string | null;
}

const EXPORT_COLUMNS = `id, user_id AS "userId", status, attempts, created_at AS "createdAt", finished_at AS "finishedAt",
  expires_at AS "expiresAt", size_bytes AS "sizeBytes"`;

/** Reads within one consistent snapshot (REPEATABLE READ), large results through a server-side cursor. */
export interface SnapshotReader {
  one(sql: string, params: unknown[]): Promise<Record<string, unknown> | null>;
  each(sql: string, params: unknown[], onRow: (row: Record<string, unknown>) => Promise<void> | void): Promise<void>;
}

export interface ErasureSubject {
  id: string;
  email: string;
  displayName: string;
  handle: string;
  status: string;
}

export interface ErasureValues {
  email: string;
  handle: string;
  displayName: string;
  passwordHash: string;
}

/** Case-insensitive POSIX regex matching `text` literally. */
const literalPattern = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

const CURSOR_BATCH = 500;

@Injectable()
export class PrivacyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T> {
    return (manager ?? this.dataSource.manager).query(sql, params);
  }

  /** Rows of a statement with RETURNING: TypeORM answers UPDATE and DELETE with `[rows, affected]`. */
  private async returning<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    const result = await this.q<unknown[]>(sql, params, manager);
    return (Array.isArray(result[0]) ? result[0] : result) as T[];
  }

  // ── data exports ─────────────────────────────────────────────────────────────────────────────

  /**
   * Queues an export unless one is queued or running (the partial unique index decides under a race).
   * Returns the new row, or null when an open one exists.
   */
  async insertQueued(userId: string): Promise<DataExportRow | null> {
    const rows = await this.q<DataExportRow[]>(
      `INSERT INTO data_exports (user_id) VALUES ($1)
       ON CONFLICT (user_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING ${EXPORT_COLUMNS}`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async findOpen(userId: string): Promise<DataExportRow | null> {
    const rows = await this.q<DataExportRow[]>(
      `SELECT ${EXPORT_COLUMNS} FROM data_exports WHERE user_id = $1 AND status IN ('queued', 'running')`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async findLatest(userId: string): Promise<DataExportRow | null> {
    const rows = await this.q<DataExportRow[]>(
      `SELECT ${EXPORT_COLUMNS} FROM data_exports WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async findOwned(id: string, userId: string): Promise<DataExportRow | null> {
    const rows = await this.q<DataExportRow[]>(`SELECT ${EXPORT_COLUMNS} FROM data_exports WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  /** Creation times of the person's exports since `since`, oldest first (for the rate limit). */
  async createdSince(userId: string, since: Date): Promise<Date[]> {
    const rows = await this.q<Array<{ createdAt: Date }>>(
      `SELECT created_at AS "createdAt" FROM data_exports WHERE user_id = $1 AND created_at > $2 ORDER BY created_at`,
      [userId, since],
    );
    return rows.map((r) => r.createdAt);
  }

  /**
   * Claims the oldest queued export — or one whose worker stopped renewing its claim — for this
   * instance. SKIP LOCKED: concurrent workers never claim the same row.
   */
  async claimNext(leaseSeconds: number): Promise<{ id: string; userId: string; attempts: number } | null> {
    const rows = await this.returning<{ id: string; userId: string; attempts: number }>(
      `UPDATE data_exports SET status = 'running', claimed_at = now(), attempts = attempts + 1
       WHERE id = (
         SELECT id FROM data_exports
         WHERE status = 'queued' OR (status = 'running' AND claimed_at < now() - make_interval(secs => $1))
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, user_id AS "userId", attempts`,
      [leaseSeconds],
    );
    return rows[0] ?? null;
  }

  /** Renews the claim while the archive is being written. */
  async renewClaim(id: string): Promise<void> {
    await this.q(`UPDATE data_exports SET claimed_at = now() WHERE id = $1 AND status = 'running'`, [id]);
  }

  /** False when the row is gone (the person was erased meanwhile) or no longer running. */
  async markReady(id: string, sizeBytes: number, expiresAt: Date): Promise<boolean> {
    const rows = await this.returning<{ id: string }>(
      `UPDATE data_exports SET status = 'ready', finished_at = now(), expires_at = $3, size_bytes = $2, claimed_at = NULL
       WHERE id = $1 AND status = 'running' RETURNING id`,
      [id, sizeBytes, expiresAt],
    );
    return rows.length > 0;
  }

  async markFailed(id: string): Promise<void> {
    await this.q(`UPDATE data_exports SET status = 'failed', finished_at = now(), claimed_at = NULL WHERE id = $1 AND status = 'running'`, [
      id,
    ]);
  }

  /** Marks ready exports past their expiry as expired and returns their ids (each to exactly one caller). */
  async expireDue(now: Date): Promise<string[]> {
    const rows = await this.returning<{ id: string }>(
      `UPDATE data_exports SET status = 'expired', size_bytes = NULL WHERE status = 'ready' AND expires_at <= $1 RETURNING id`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /** Of these ids, the exports whose archive must be kept (ready and not expired, or still being written). */
  async liveExportIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.q<Array<{ id: string }>>(
      `SELECT id FROM data_exports WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running', 'ready')`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Runs `work` against one consistent, read-only snapshot of the database. */
  async readSnapshot<T>(work: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let cursors = 0;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const reader: SnapshotReader = {
        one: async (sql, params) => ((await runner.query(sql, params)) as Array<Record<string, unknown>>)[0] ?? null,
        each: async (sql, params, onRow) => {
          const name = `export_cursor_${++cursors}`;
          await runner.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
          for (;;) {
            const rows = (await runner.query(`FETCH ${CURSOR_BATCH} FROM ${name}`)) as Array<Record<string, unknown>>;
            for (const row of rows) await onRow(row);
            if (rows.length < CURSOR_BATCH) break;
          }
          await runner.query(`CLOSE ${name}`);
        },
      };
      const result = await work(reader);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  // ── erasure ──────────────────────────────────────────────────────────────────────────────────

  async lockForErasure(userId: string, manager: EntityManager): Promise<ErasureSubject | null> {
    const rows = await this.q<ErasureSubject[]>(
      `SELECT id, email, display_name AS "displayName", handle, status FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
      manager,
    );
    return rows[0] ?? null;
  }

  /**
   * Removes everything personal about the person except what they authored for others (posts,
   * threads, documents, consultations, meetings), which stays attributed to the anonymised row.
   * Returns the ids of their data exports, whose files the caller deletes after the commit.
   */
  async erase(subject: ErasureSubject, values: ErasureValues, manager: EntityManager): Promise<string[]> {
    const id = subject.id;
    const email = subject.email.toLowerCase();
    const name = literalPattern(subject.displayName);
    const mail = literalPattern(subject.email);
    const run = (sql: string, params: unknown[]) => this.q(sql, params, manager);

    // their own inbox, settings, markers, drafts, secrets and sessions
    for (const table of [
      'notifications',
      'notification_preferences',
      'notification_digests',
      'thread_subscriptions',
      'space_subscriptions',
      'thread_reads',
      'drafts',
      'calendar_feeds',
      'password_reset_tokens',
      'refresh_tokens',
      'organisation_contacts',
      'space_members',
      'idempotency_keys',
    ]) {
      await run(`DELETE FROM ${table} WHERE user_id = $1`, [id]);
    }
    await run(`DELETE FROM login_attempts WHERE lower(email) = $1`, [email]);
    // invitations to their address: the accepted one stays (who invited whom) without the address
    await run(`DELETE FROM invitations WHERE lower(email) = $1 AND accepted_user_id IS DISTINCT FROM $2`, [email, id]);
    await run(`UPDATE invitations SET email = $2 WHERE accepted_user_id = $1`, [id, values.email]);
    // mails to them go; mails to others lose their name and address
    await run(`DELETE FROM mail_outbox WHERE lower(recipient) = $1`, [email]);
    await run(
      `UPDATE mail_outbox SET
         subject = regexp_replace(regexp_replace(subject, $1, $3, 'gi'), $2, $4, 'gi'),
         text_body = regexp_replace(regexp_replace(text_body, $1, $3, 'gi'), $2, $4, 'gi'),
         html_body = regexp_replace(regexp_replace(html_body, $1, $3, 'gi'), $2, $4, 'gi')
       WHERE subject ~* $1 OR text_body ~* $1 OR html_body ~* $1 OR subject ~* $2 OR text_body ~* $2 OR html_body ~* $2`,
      [name, mail, values.displayName, values.email],
    );
    // other people's notifications name the actor in the subject (e.g. "… hat Ihre Einladung angenommen")
    await run(`UPDATE notifications SET subject = regexp_replace(subject, $1, $2, 'gi') WHERE subject ~* $1`, [name, values.displayName]);
    // cached responses for other people's retries may embed the name (e.g. an author)
    await run(`DELETE FROM idempotency_keys WHERE response::text ~* $1 OR response::text ~* $2`, [name, mail]);
    const exports = await this.returning<{ id: string }>(`DELETE FROM data_exports WHERE user_id = $1 RETURNING id`, [id], manager);
    await run(
      `UPDATE users SET email = $2, handle = $3, display_name = $4, password_hash = $5, phone = NULL, bio = NULL,
         languages = '{}', expertise = '{}', last_login_at = NULL, status = 'erased', token_version = token_version + 1, updated_at = now()
       WHERE id = $1`,
      [id, values.email, values.handle, values.displayName, values.passwordHash],
    );
    return exports.map((r) => r.id);
  }

  /** Posts (with their earlier versions) that mention the person, for rewriting the old handle. */
  async postsMentioning(userId: string, manager: EntityManager): Promise<Array<{ id: string; body: string; bodyHtml: string }>> {
    return this.q(
      `SELECT p.id, p.body, p.body_html AS "bodyHtml" FROM posts p JOIN post_mentions m ON m.post_id = p.id WHERE m.user_id = $1`,
      [userId],
      manager,
    );
  }

  async revisionsOf(postIds: string[], manager: EntityManager): Promise<Array<{ id: string; body: string }>> {
    if (postIds.length === 0) return [];
    return this.q(`SELECT id, body FROM post_revisions WHERE post_id = ANY($1::uuid[])`, [postIds], manager);
  }

  async updatePostText(id: string, body: string, bodyHtml: string, manager: EntityManager): Promise<void> {
    await this.q(`UPDATE posts SET body = $2, body_html = $3 WHERE id = $1`, [id, body, bodyHtml], manager);
  }

  async updateRevisionText(id: string, body: string, manager: EntityManager): Promise<void> {
    await this.q(`UPDATE post_revisions SET body = $2 WHERE id = $1`, [id, body], manager);
  }
}
