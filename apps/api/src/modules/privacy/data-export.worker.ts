import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DATA_EXPORT_RETENTION_DAYS } from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import { runExclusive } from '../../database/exclusive-job.js';
import { DataExportBuilder } from './export-builder.js';
import { PrivacyRepository } from './privacy.repository.js';

const POLL_MS = 10_000;
const SWEEP_MS = 60 * 60_000;
/** A claim not renewed for this long belongs to a worker that died: another instance takes over. */
const LEASE_SECONDS = 10 * 60;
const RENEW_MS = 60_000;
const MAX_ATTEMPTS = 3;
const SWEEP_LOCK = 727_113_050;
/** Files younger than this may belong to an export that is just being committed. */
const ORPHAN_GRACE_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Runs queued data exports in the background — never inside a request. Each export is claimed by
 * exactly one instance (`FOR UPDATE SKIP LOCKED`), rebuilt from scratch if its worker died, and
 * failed after a few attempts. An hourly sweep deletes expired archives and files without a row.
 */
@Injectable()
export class DataExportWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('DataExports');
  private pollTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PrivacyRepository) private readonly repository: PrivacyRepository,
    @Inject(DataExportBuilder) private readonly builder: DataExportBuilder,
  ) {}

  onModuleInit(): void {
    this.pollTimer = setInterval(() => this.kick(), POLL_MS);
    this.pollTimer.unref();
    this.sweepTimer = setInterval(() => void this.runSweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.running;
  }

  /** Work through the queue now (called after an export was requested, and on a timer). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'data export queue failed, will retry'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Builds every claimable export; resolves when the queue is empty (tests await it). */
  async drain(): Promise<void> {
    while (!this.stopped) {
      const job = await this.repository.claimNext(LEASE_SECONDS);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: { id: string; userId: string; attempts: number }): Promise<void> {
    if (job.attempts > MAX_ATTEMPTS) {
      await this.repository.markFailed(job.id);
      this.logger.warn({ exportId: job.id, attempts: job.attempts }, 'data export given up');
      return;
    }
    const renew = setInterval(() => {
      this.repository.renewClaim(job.id).catch(() => undefined);
    }, RENEW_MS);
    const started = Date.now();
    try {
      const size = await this.builder.build(job.id, job.userId);
      const ready = await this.repository.markReady(job.id, size, new Date(Date.now() + DATA_EXPORT_RETENTION_DAYS * DAY_MS));
      // the row is gone (the person was erased meanwhile) or taken over: the file must not stay
      if (!ready) await rm(this.builder.pathOf(job.id), { force: true });
      else this.logger.log({ exportId: job.id, sizeBytes: size, ms: Date.now() - started }, 'data export ready');
    } catch (error) {
      this.logger.warn({ err: error, exportId: job.id }, 'data export failed');
      await rm(this.builder.pathOf(job.id), { force: true });
      await this.repository.markFailed(job.id);
    } finally {
      clearInterval(renew);
    }
  }

  private async runSweep(): Promise<void> {
    try {
      await runExclusive(this.dataSource, SWEEP_LOCK, async () => {
        await this.sweep(new Date());
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'data export sweep failed, will retry');
    }
  }

  /**
   * Marks exports past their expiry as expired and deletes their archives, then removes archives
   * and temp files no live export owns (after a grace period). Returns how many files went.
   */
  async sweep(now: Date): Promise<number> {
    let removed = 0;
    for (const id of await this.repository.expireDue(now)) {
      await rm(this.builder.pathOf(id), { force: true });
      removed++;
    }
    const staleBefore = now.getTime() - ORPHAN_GRACE_MS;
    const archives = await this.listOld(this.builder.exportsDir, staleBefore, /^([0-9a-f-]{36})\.zip$/);
    const live = await this.repository.liveExportIds(archives.map((a) => a.id));
    for (const archive of archives) {
      if (live.has(archive.id)) continue;
      await rm(archive.path, { force: true });
      removed++;
    }
    // temp files of a worker that died mid-export (a running export renews its files continuously)
    for (const temp of await this.listOld(this.builder.tempDir, staleBefore, /^([0-9a-f-]{36})\..*\.part$/)) {
      await rm(temp.path, { force: true });
      removed++;
    }
    return removed;
  }

  private async listOld(dir: string, before: number, pattern: RegExp): Promise<Array<{ id: string; path: string }>> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const found: Array<{ id: string; path: string }> = [];
    for (const name of names) {
      const id = pattern.exec(name)?.[1];
      if (!id) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && info.mtimeMs < before) found.push({ id, path });
    }
    return found;
  }
}
