import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentDto, FolderDetailDto } from '@treffpunkt/contracts';
import request from 'supertest';
import type { TestApp } from './app.js';
import { as, type Actor } from './forum.js';
import { bearer } from './http.js';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A minimal valid PNG (1×1) followed by random bytes, so each call is unique content. */
export function pngBytes(extra = 64): Buffer {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
    'hex',
  );
  return Buffer.concat([png, randomBytes(extra)]);
}

/** A small PDF with unique content. */
export function pdfBytes(): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${randomBytes(8).toString('hex')}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** Text of a given size with unique content. */
export function textBytes(size: number): Buffer {
  const seed = randomBytes(16).toString('hex');
  const line = `Zeile ${seed} Beratung Anerkennung Qualifikation\n`;
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

export async function createFolder(
  t: TestApp,
  actor: Actor,
  spaceId: string,
  name = 'Ordner',
  parentId?: string,
): Promise<FolderDetailDto> {
  const res = await as(t, actor).post(`/api/spaces/${spaceId}/folders`, { name, ...(parentId ? { parentId } : {}) });
  if (res.status !== 201) throw new Error(`create folder: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as FolderDetailDto;
}

export function uploadRequest(t: TestApp, actor: { token: string }, path: string, bytes: Buffer, filename: string, contentType?: string) {
  return request(t.url)
    .post(path)
    .set(...bearer(actor.token))
    .attach('file', bytes, { filename, contentType: contentType ?? 'application/octet-stream' });
}

export async function upload(t: TestApp, actor: Actor, folderId: string, bytes: Buffer, filename = 'datei.bin', contentType?: string) {
  const res = await uploadRequest(t, actor, `/api/folders/${folderId}/documents`, bytes, filename, contentType);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as DocumentDto;
}

/** Downloads as a Buffer, whatever the content type. */
export function download(t: TestApp, actor: { token: string }, path: string) {
  return request(t.url)
    .get(path)
    .set(...bearer(actor.token))
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/** Every file below a directory (relative paths), for "nothing left behind" checks. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(dir, '');
  return out;
}
