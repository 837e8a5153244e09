import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runExclusive } from '../../database/exclusive-job.js';
import { NotificationsService } from './notifications.service.js';

const LOCK_KEY = 727_113_020;
const INTERVAL_MS = 15 * 60_000;

/** Checks every quarter of an hour (on one instance at a time) whose daily digest is due. */
@Injectable()
export class DigestJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Digest');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      runExclusive(this.dataSource, LOCK_KEY, async () => {
        await this.notifications.sendDigests();
      }).catch((error: unknown) => this.logger.warn({ err: error }, 'digest run failed, will retry'));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
