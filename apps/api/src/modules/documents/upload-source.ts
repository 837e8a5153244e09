import type { Readable } from 'node:stream';

/** The file part of an upload request, as the service sees it (no HTTP types). */
export interface UploadedFile {
  /** As the client sent it: display metadata only, to be cleaned before use. */
  filename: string;
  stream: Readable;
  /** The size limit cut the file short. */
  truncated(): boolean;
  /** The request broke off or its multipart body was malformed. */
  failed(): boolean;
}

export interface UploadSource {
  /** The request's declared length, if any (to refuse early what cannot fit). */
  declaredBytes: number | null;
  /** Starts reading the request body; throws a 400 for a body that is not one file in the field `file`. */
  open(): Promise<UploadedFile>;
}
