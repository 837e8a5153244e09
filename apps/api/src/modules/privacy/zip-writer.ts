import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';

export type ZipEntry =
  | { path: string; data: Buffer; compress?: boolean }
  /** Read lazily, one file at a time, when the archive reaches it; `size` must be exact. */
  | { path: string; sourcePath: string; size: number; compress?: boolean };

const entryTime = new Date();

/**
 * Streams a ZIP archive to `tempPath` (one entry after another, never the whole archive in memory),
 * fsyncs it and renames it to `targetPath`, so the target is either absent or complete.
 * Resolves to the archive's size in bytes. On failure nothing is left behind.
 */
export async function writeZipAtomically(tempPath: string, targetPath: string, entries: Iterable<ZipEntry>): Promise<number> {
  // loaded on the first export, not at every start
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  const out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 256 * 1024 });
  try {
    const failed = new Promise<never>((_resolve, reject) => {
      zip.on('error', reject);
    });
    const written = pipeline(zip.outputStream, out);
    for (const entry of entries) {
      const options = { mtime: entryTime, compress: entry.compress ?? true };
      if ('data' in entry) {
        zip.addBuffer(entry.data, entry.path, options);
      } else {
        const source = entry.sourcePath;
        zip.addReadStreamLazy(entry.path, { ...options, size: entry.size }, (callback) => {
          const stream = createReadStream(source, { highWaterMark: 256 * 1024 });
          // yazl pipes without listening for errors: a vanished file must fail the archive, not the process
          stream.on('error', (error) => zip.emit('error', error));
          callback(null, stream);
        });
      }
    }
    zip.end();
    await Promise.race([written, failed]);
    await rename(tempPath, targetPath);
    await syncDirectory(dirname(targetPath));
    return (await stat(targetPath)).size;
  } catch (error) {
    out.destroy();
    await rm(tempPath, { force: true });
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
