import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { SNIFF_BYTES } from './content-sniffer.js';

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_SUFFIX = '.part';

/** An upload written to a temp file: hashed, counted and fsynced, not yet visible in the store. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
  /** The first bytes, for content detection. */
  head: Buffer;
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

/**
 * The content-addressed file store under DATA_DIR/files (files/ab/cd/<sha256>). Uploads stream
 * into DATA_DIR/tmp while being hashed and are renamed into place only when complete, so a reader
 * never sees a partial file. This class is the only code that touches the files.
 */
@Injectable()
export class BlobStore {
  readonly filesDir: string;
  readonly tempDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.filesDir = join(config.dataDir, 'files');
    this.tempDir = join(config.dataDir, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams `source` into a new temp file, hashing as it goes (never holding more than a chunk and
   * the sniffing head in memory). More than `maxBytes` → FileTooLargeError. On any failure the temp
   * file is gone before this rejects.
   */
  async receive(source: Readable, maxBytes: number): Promise<ReceivedFile> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = join(this.tempDir, `${randomUUID()}${TEMP_SUFFIX}`);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(new FileTooLargeError(`more than ${maxBytes} bytes`));
        hash.update(chunk);
        if (headBytes < SNIFF_BYTES) {
          const part = chunk.subarray(0, SNIFF_BYTES - headBytes);
          headChunks.push(Buffer.from(part));
          headBytes += part.length;
        }
        callback(null, chunk);
      },
    });
    try {
      // flush: fsync before close, so the bytes are durable before the rename publishes them
      await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 256 * 1024 }));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks) };
  }

  /**
   * Moves a received file to its content address (atomically replacing identical bytes, which also
   * heals a damaged copy) and makes the rename durable. Call while holding the blob's row lock.
   */
  async publish(file: ReceivedFile): Promise<void> {
    const target = this.pathOf(file.sha256);
    const dir = join(target, '..');
    await mkdir(dir, { recursive: true });
    await rename(file.tempPath, target);
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }

  /** Removes a temp file that will not be published (no-op if it is already gone). */
  discard(file: ReceivedFile): Promise<void> {
    return rm(file.tempPath, { force: true });
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  read(sha256: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.pathOf(sha256), { ...range, highWaterMark: 256 * 1024 });
  }

  /** Deletes temp files nobody has written to since `before` (uploads that died with their process). */
  async sweepTemp(before: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.tempDir).catch(() => [] as string[])) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const path = join(this.tempDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < before) {
        await unlink(path).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }

  /** Every stored hash with its modification time (for the orphan sweep). */
  async *storedFiles(): AsyncGenerator<{ sha256: string; mtime: Date }> {
    for (const a of await readdir(this.filesDir).catch(() => [] as string[])) {
      for (const b of await readdir(join(this.filesDir, a)).catch(() => [] as string[])) {
        for (const name of await readdir(join(this.filesDir, a, b)).catch(() => [] as string[])) {
          if (!SHA256.test(name)) continue;
          const info = await stat(join(this.filesDir, a, b, name)).catch(() => null);
          if (info) yield { sha256: name, mtime: info.mtime };
        }
      }
    }
  }
}
