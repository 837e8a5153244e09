import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { InvitationDto, LoginResponse } from '@treffpunkt/contracts';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { MailService } from '../../apps/api/src/modules/mail/mail.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeOrganisation } from '../support/factories.js';
import { as, createSpace, createThread, makeActor, uniqueWord, type Actor } from '../support/forum.js';
import { eventually } from '../support/sockets.js';

const PUBLIC_URL = 'https://treffpunkt.example';

interface Received {
  envelopeTo: string[];
  raw: string;
}

/** A real SMTP server on a local port (no TLS, no auth) that keeps what it receives. */
class MailCatcher {
  readonly messages: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => m.envelopeTo.includes(address)).map((m) => parseMail(m.raw));
  }
}

// ── a small MIME reader (enough for what nodemailer writes) ──────────────────────────────────

interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string | null;
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? '' : raw.slice(at + 4) };
}

function quotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return quotedPrintable(body).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** RFC 2047 encoded words, adjacent ones joined (a character may be split between two). */
function decodeHeader(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(/(?:=\?utf-8\?[qb]\?[^?]*\?=)+/gi, (run) => {
    const bytes: Buffer[] = [];
    for (const [, kind, data] of run.matchAll(/=\?utf-8\?([qb])\?([^?]*)\?=/gi)) {
      bytes.push(kind!.toLowerCase() === 'b' ? Buffer.from(data!, 'base64') : quotedPrintable(data!.replace(/_/g, ' ')));
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHead(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  let text = '';
  let html: string | null = null;
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const parsed = splitHead(part.replace(/^\r\n/, ''));
      const content = decodeBody(parsed.body.replace(/\r\n$/, ''), parsed.headers.get('content-transfer-encoding'));
      if (parsed.headers.get('content-type')?.startsWith('text/html')) html = content;
      else if (parsed.headers.get('content-type')?.startsWith('text/plain')) text = content;
    }
  } else {
    text = decodeBody(body, headers.get('content-transfer-encoding'));
  }
  return { headers, subject: decodeHeader(headers.get('subject') ?? ''), text, html };
}

// ── the tests ─────────────────────────────────────────────────────────────────────────────

describe('e-mail over a real SMTP server', () => {
  const smtp = new MailCatcher();
  let t: TestApp;
  let coordinator: Actor;
  let advisor: Actor;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      publicUrl: PUBLIC_URL,
      mailFrom: 'Treffpunkt <no-reply@treffpunkt.example>',
    });
    const home = await makeOrganisation(t.db);
    [coordinator, advisor] = await Promise.all([
      makeActor(t, { role: 'coordinator', organisationId: home.id }),
      makeActor(t, { role: 'advisor', organisationId: home.id, displayName: 'Anna Beraterin' }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const outbox = (recipient: string) =>
    t.db.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
      'SELECT id, status, attempts, last_error FROM mail_outbox WHERE recipient = $1 ORDER BY id',
      [recipient],
    );

  it('delivers a mention: To, Subject, text and HTML with the link, and nothing of the case', async () => {
    const mentioned = await makeActor(t, { role: 'advisor', displayName: 'Mira Müller' });
    const staff = await createSpace(t, coordinator, { visibility: 'staff' });
    const secret = uniqueWord('fall');
    const title = `Fall ${uniqueWord('titel')}`;
    const { thread, post } = await createThread(t, advisor, staff.id, {
      kind: 'case',
      title,
      body: `Ratsuchende ${secret} aus Syrien, @${mentioned.handle} bitte übernehmen`,
    });
    const [mail] = await eventually(
      () => {
        const got = smtp.to(mentioned.email);
        return got.length > 0 ? got : null;
      },
      10_000,
      'the mention mail',
    );
    expect(mail!.headers.get('to')).toContain(mentioned.email);
    expect(mail!.headers.get('from')).toContain('no-reply@treffpunkt.example');
    expect(mail!.subject).toBe(`Treffpunkt: Anna Beraterin hat Sie in „${thread.pseudonymCode}“ erwähnt`);
    const link = `${PUBLIC_URL}/forum/thema/${thread.id}#beitrag-${post.seq}`;
    expect(mail!.text).toContain('Guten Tag Mira Müller,');
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(`href="${link}"`);
    for (const forbidden of [secret, title, 'Syrien', 'Ratsuchende']) {
      expect(smtp.messages.map((m) => m.raw).join('\n')).not.toContain(forbidden);
      expect(`${mail!.subject}\n${mail!.text}\n${mail!.html}`).not.toContain(forbidden);
    }
    // recorded as sent once the dispatcher's transaction commits, right after the SMTP server accepted it
    const rows = await eventually(
      async () => {
        const r = await outbox(mentioned.email);
        return r[0]?.status === 'sent' ? r : null;
      },
      5000,
      'the outbox row to be marked sent',
    );
    expect(rows).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, last_error: null })]);
  });

  it('delivers an invitation by mail; the API response then carries no link, and the mailed link works', async () => {
    const email = `einladung.${randomBytes(4).toString('hex')}@example.org`;
    const org = await makeOrganisation(t.db, { type: 'business' });
    const res = await as(t, coordinator).post('/api/invitations', { email, role: 'partner', organisationId: org.id });
    expect(res.status).toBe(201);
    expect((res.body as InvitationDto).link).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/einladung\//);
    const [mail] = await eventually(
      () => {
        const got = smtp.to(email);
        return got.length > 0 ? got : null;
      },
      10_000,
      'the invitation mail',
    );
    expect(mail!.subject).toBe('Einladung zu Treffpunkt / Invitation to Treffpunkt');
    const link = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/einladung/([A-Za-z0-9_-]{40,})`).exec(mail!.text);
    expect(link).not.toBeNull();
    const accepted = await request(t.url)
      .post(`/api/invitations/${link![1]}/accept`)
      .send({ displayName: 'Ines Eingeladen', password: 'correct-horse-battery-staple' });
    expect(accepted.status).toBeLessThan(300);
    expect((accepted.body as LoginResponse).user.email).toBe(email);
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('keeps a mail pending with its error while the server is down, and delivers it exactly once when it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const mentioned = await makeActor(t, { role: 'advisor' });
    const network = await createSpace(t, coordinator, { visibility: 'network' });
    await createThread(t, advisor, network.id, { body: `@${mentioned.handle} schauen Sie bitte` });
    const [failed] = await eventually(
      async () => {
        const rows = await outbox(mentioned.email);
        return rows[0]?.attempts === 1 ? rows : null;
      },
      10_000,
      'the first failed attempt',
    );
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed!.last_error).toEqual(expect.any(String));
    expect(failed!.last_error!.length).toBeGreaterThan(0);
    const [{ due }] = (await t.db.query<{ due: boolean }>(
      "SELECT next_attempt_at > now() + interval '30 seconds' AS due FROM mail_outbox WHERE id = $1",
      [failed!.id],
    )) as [{ due: boolean }];
    expect(due).toBe(true);
    // not due yet: draining does nothing
    await t.app.get(MailService).drain();
    expect((await outbox(mentioned.email))[0]!.attempts).toBe(1);

    await smtp.start(port);
    await t.db.query('UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1', [failed!.id]);
    const mail = t.app.get(MailService);
    await Promise.all([mail.drain(), mail.drain()]);
    await mail.drain();
    expect(await outbox(mentioned.email)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    expect(smtp.to(mentioned.email)).toHaveLength(1);
  }, 30_000);
});
