import type { MultipartFile } from '@fastify/multipart';
import { UPLOAD_FIELD } from '@treffpunkt/contracts';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { malformedUpload } from './documents.errors.js';
import type { UploadSource, UploadedFile } from './upload-source.js';

/**
 * Adapts a Fastify multipart request to the service's UploadSource: exactly one file part in the
 * field `file`, streamed (never buffered). Parts of the body the service does not read are drained
 * so the connection stays usable.
 */
export function multipartUpload(request: FastifyRequest, maxBytes: number): UploadSource {
  const length = Number(request.headers['content-length']);
  return {
    declaredBytes: Number.isFinite(length) && length >= 0 ? length : null,
    open: async (): Promise<UploadedFile> => {
      if (!request.isMultipart()) throw malformedUpload();
      let part: MultipartFile | undefined;
      try {
        part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw malformedUpload();
      }
      if (!part) throw malformedUpload(`The request carries no file in the field "${UPLOAD_FIELD}"`);
      if (part.fieldname !== UPLOAD_FIELD) {
        part.file.resume();
        throw malformedUpload(`The file must be sent in the field "${UPLOAD_FIELD}"`);
      }
      const stream = part.file;
      let failed = false;
      stream.on('error', () => {
        failed = true;
      });
      return {
        filename: part.filename,
        stream,
        truncated: () => stream.truncated,
        failed: () => failed || request.raw.destroyed,
      };
    },
  };
}
