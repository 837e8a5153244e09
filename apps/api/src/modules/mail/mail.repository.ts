import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxMail } from './entities/outbox-mail.entity.js';

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
}

@Injectable()
export class MailRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(
    mail: { recipient: string; subject: string; textBody: string; htmlBody?: string | null },
    manager?: EntityManager,
  ): Promise<string> {
    const result = await (manager ?? this.dataSource.manager).getRepository(OutboxMail).insert(mail);
    return String((result.identifiers[0] as { id: string | number }).id);
  }

  /** Several mails in one statement (ids in the given order). */
  async insertMany(
    mails: Array<{ recipient: string; subject: string; textBody: string; htmlBody?: string | null }>,
    manager?: EntityManager,
  ): Promise<string[]> {
    if (mails.length === 0) return [];
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO mail_outbox (recipient, subject, text_body, html_body)
       SELECT recipient, subject, text_body, html_body
         FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::text[]) WITH ORDINALITY AS m(recipient, subject, text_body, html_body, n)
       ORDER BY n
       RETURNING id`,
      [mails.map((m) => m.recipient), mails.map((m) => m.subject), mails.map((m) => m.textBody), mails.map((m) => m.htmlBody ?? null)],
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * Claims due mails for this instance (SKIP LOCKED, so each mail is handled once across instances)
   * and hands them to `deliver` inside the claiming transaction.
   */
  async processDue(
    limit: number,
    deliver: (mail: ClaimedMail) => Promise<{ status: 'sent' | 'recorded' } | { error: string }>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; recipient: string; subject: string; text_body: string; html_body: string | null; attempts: number }> =
        await manager.query(
          `SELECT id, recipient, subject, text_body, html_body, attempts FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
      for (const row of rows) {
        const outcome = await deliver({
          id: row.id,
          recipient: row.recipient,
          subject: row.subject,
          textBody: row.text_body,
          htmlBody: row.html_body,
          attempts: row.attempts,
        });
        if ('error' in outcome) {
          const attempts = row.attempts + 1;
          await manager.query(
            `UPDATE mail_outbox SET attempts = $2, last_error = $3,
               status = CASE WHEN $2 >= 8 THEN 'failed' ELSE 'pending' END,
               next_attempt_at = now() + make_interval(secs => 30 * power(2, $2))
             WHERE id = $1`,
            [row.id, attempts, outcome.error.slice(0, 500)],
          );
        } else {
          await manager.query(`UPDATE mail_outbox SET status = $2, sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [
            row.id,
            outcome.status,
          ]);
        }
      }
      return rows.length;
    });
  }
}
