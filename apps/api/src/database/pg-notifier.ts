import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

type Handler = (payload: string) => void;

/**
 * Cross-instance signals over PostgreSQL LISTEN/NOTIFY: one dedicated connection per instance,
 * reconnected after failures. Used to invalidate caches on every instance at once.
 */
@Injectable()
export class PgNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PgNotifier.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  subscribe(channel: string, handler: Handler): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const set = this.handlers.get(channel) ?? new Set();
    const isNew = set.size === 0;
    set.add(handler);
    this.handlers.set(channel, set);
    if (isNew && this.client) void this.client.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  /** Sends a notification (delivered to every instance, this one included). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: options.url });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      if (this.stopped) {
        // shut down while connecting: do not leave the connection behind
        await client.end().catch(() => undefined);
        return;
      }
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      // anything may have changed while we were not listening
      for (const handlers of this.handlers.values()) for (const handler of handlers) handler('*');
    } catch {
      this.reconnectSoon(client);
    }
  }

  private reconnectSoon(client: pg.Client): void {
    if (this.stopped || this.retry) return;
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    this.logger.warn('lost the notification connection, reconnecting');
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1000);
    this.retry.unref();
  }
}
