import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DownloadFile } from './documents.service.js';
import { rangeNotSatisfiable } from './documents.errors.js';
import { contentDisposition } from './file-names.js';
import { parseRange } from './http-range.js';

/** Downloads never run as a page of ours: no scripts, no plugins, no same-origin rights. */
const ATTACHMENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";
/** Inline previews (PDF, images) may be framed by the SPA itself. */
const INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";

/**
 * Sends one stored version with the headers a download needs: RFC 6266 Content-Disposition, the
 * detected Content-Type, a strong ETag (the SHA-256), Content-Length, one byte range (206/416),
 * nosniff and a sandboxing CSP.
 */
export function sendDownload(request: FastifyRequest, reply: FastifyReply, file: DownloadFile, inline: boolean): FastifyReply {
  const etag = `"${file.sha256}"`;
  const ifRange = request.headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag ? { kind: 'full' as const } : parseRange(request.headers.range, file.size);
  // before any header is set: the error body is JSON
  if (range.kind === 'unsatisfiable') throw rangeNotSatisfiable(file.size);
  const showInline = inline && file.inlineAllowed;
  void reply.headers({
    'content-type': file.contentType,
    'content-disposition': contentDisposition(showInline ? 'inline' : 'attachment', file.name),
    etag,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
    'content-security-policy': showInline ? INLINE_CSP : ATTACHMENT_CSP,
    'cross-origin-resource-policy': 'same-origin',
  });

  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')) {
    return reply.status(304).send();
  }
  if (range.kind === 'partial') {
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', String(range.end - range.start + 1))
      .send(file.open(range));
  }
  return reply.status(200).header('content-length', String(file.size)).send(file.open());
}
