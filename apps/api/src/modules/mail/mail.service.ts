import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { MailRepository, type ClaimedMail } from './mail.repository.js';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text. Carries links, never case content. */
  text: string;
  /** Optional HTML alternative of the same content. */
  html?: string;
}

const POLL_MS = 5000;

/**
 * E-mail through an outbox: `enqueue` writes in the caller's transaction; a dispatcher delivers
 * via SMTP when SMTP_URL is set, or only records the mail (development) — the app never fails
 * because no mail server is configured.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  /** Made with the first mail to send (nodemailer is loaded then, not at start-up). */
  private transporter: Promise<Transporter> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailRepository) private readonly repository: MailRepository,
  ) {}

  get deliversMail(): boolean {
    return this.config.smtpUrl !== null;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    (await this.transporter?.catch(() => null))?.close();
  }

  async enqueue(message: MailMessage, manager?: EntityManager): Promise<void> {
    await this.repository.insert(
      { recipient: message.to, subject: message.subject, textBody: message.text, htmlBody: message.html ?? null },
      manager,
    );
  }

  /** Several mails in one statement, in the caller's transaction like `enqueue`. */
  async enqueueMany(messages: MailMessage[], manager?: EntityManager): Promise<void> {
    await this.repository.insertMany(
      messages.map((m) => ({ recipient: m.to, subject: m.subject, textBody: m.text, htmlBody: m.html ?? null })),
      manager,
    );
  }

  /** Deliver what is due now (called after commits and on a timer). */
  kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'mail dispatch failed, will retry'))
      .finally(() => {
        this.running = null;
      });
  }

  /** Delivers everything due; resolves when done (tests await it). */
  async drain(): Promise<void> {
    while ((await this.repository.processDue(20, (mail) => this.deliver(mail))) > 0) {
      if (this.stopped) return;
    }
  }

  private async deliver(mail: ClaimedMail): Promise<{ status: 'sent' | 'recorded' } | { error: string }> {
    const smtpUrl = this.config.smtpUrl;
    if (!smtpUrl) {
      // Subject and recipient only: bodies contain single-use links.
      this.logger.log({ mailId: mail.id, to: mail.recipient, subject: mail.subject }, 'mail recorded in outbox (no SMTP_URL configured)');
      return { status: 'recorded' };
    }
    try {
      this.transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
      const transporter = await this.transporter;
      await transporter.sendMail({
        from: this.config.mailFrom,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.textBody,
        ...(mail.htmlBody ? { html: mail.htmlBody } : {}),
      });
      return { status: 'sent' };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}
