import {
  MAX_PAGE_LIMIT,
  Routes,
  UPLOAD_FIELD,
  type CreateFolderRequest,
  type DocumentDto,
  type DocumentSearchHitDto,
  type DocumentSummaryDto,
  type DocumentVersionDto,
  type ErrorBody,
  type ErrorCode,
  type FolderDetailDto,
  type FolderDto,
  type FolderListDto,
  type Page,
  type TrashItemDto,
  type UpdateDocumentRequest,
  type UpdateFolderRequest,
} from '@treffpunkt/contracts';
import { ApiError, ClientErrorCode, api } from '../../api/client';

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

function pageQuery(params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const DOCUMENTS_PAGE_SIZE = MAX_PAGE_LIMIT;

/** One function per documents API call (folders, documents, versions, trash, search). */
export const documentsApi = {
  /** The space's folder for forum attachments (created on first use). */
  attachmentFolder: (spaceId: string): Promise<FolderDto> => api.get<FolderDto>(Routes.spaces.attachmentFolder(spaceId)),
  folders: (spaceId: string, signal?: AbortSignal): Promise<FolderListDto> =>
    api.get<FolderListDto>(Routes.spaces.folders(spaceId), withSignal(signal)),
  createFolder: (spaceId: string, body: CreateFolderRequest, idempotencyKey: string): Promise<FolderDetailDto> =>
    api.post<FolderDetailDto>(Routes.spaces.folders(spaceId), body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  folder: (id: string, signal?: AbortSignal): Promise<FolderDetailDto> =>
    api.get<FolderDetailDto>(Routes.folders.one(id), withSignal(signal)),
  updateFolder: (id: string, body: UpdateFolderRequest): Promise<FolderDetailDto> =>
    api.patch<FolderDetailDto>(Routes.folders.one(id), body),
  deleteFolder: (id: string): Promise<void> => api.delete(Routes.folders.one(id)),
  restoreFolder: (id: string): Promise<FolderDetailDto> => api.post<FolderDetailDto>(Routes.folders.restore(id)),
  documents: (folderId: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<DocumentSummaryDto>> =>
    api.get<Page<DocumentSummaryDto>>(
      `${Routes.folders.documents(folderId)}${pageQuery({ cursor, limit: String(DOCUMENTS_PAGE_SIZE) })}`,
      withSignal(signal),
    ),
  document: (id: string, signal?: AbortSignal): Promise<DocumentDto> => api.get<DocumentDto>(Routes.documents.one(id), withSignal(signal)),
  updateDocument: (id: string, body: UpdateDocumentRequest): Promise<DocumentDto> => api.patch<DocumentDto>(Routes.documents.one(id), body),
  deleteDocument: (id: string): Promise<void> => api.delete(Routes.documents.one(id)),
  restoreDocument: (id: string): Promise<DocumentDto> => api.post<DocumentDto>(Routes.documents.restore(id)),
  versions: (id: string, signal?: AbortSignal): Promise<{ items: DocumentVersionDto[] }> =>
    api.get<{ items: DocumentVersionDto[] }>(Routes.documents.versions(id), withSignal(signal)),
  restoreVersion: (id: string, version: number): Promise<DocumentDto> =>
    api.post<DocumentDto>(Routes.documents.restoreVersion(id, version)),
  trash: (spaceId: string, cursor?: string | null, signal?: AbortSignal): Promise<Page<TrashItemDto>> =>
    api.get<Page<TrashItemDto>>(`${Routes.spaces.trash(spaceId)}${pageQuery({ cursor, limit: '50' })}`, withSignal(signal)),
  search: (q: string, spaceId: string | null, cursor?: string | null, signal?: AbortSignal): Promise<Page<DocumentSearchHitDto>> =>
    api.get<Page<DocumentSearchHitDto>>(
      `${Routes.search}${pageQuery({ q, type: 'documents', spaceId, cursor, limit: '20' })}`,
      withSignal(signal),
    ),
};

// ── transfers: uploads with progress (XMLHttpRequest) and downloads as blobs ─────────────────

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as Partial<ErrorBody>).code === 'string';

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'FILE_TYPE_NOT_ALLOWED';
  if (status === 416) return 'RANGE_NOT_SATISFIABLE';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 507) return 'QUOTA_EXCEEDED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL_ERROR';
}

/** The ApiError for a failed response, from its JSON error body when there is one. */
export function errorFrom(status: number, text: string): ApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new ApiError(status, body.code, body.message, body.correlationId ? { correlationId: body.correlationId } : {});
  }
  return new ApiError(status, fallbackCode(status), `HTTP ${String(status)}`);
}

const networkError = (): ApiError => new ApiError(0, ClientErrorCode.Network, 'Network request failed');
const abortError = (): DOMException => new DOMException('The upload was cancelled', 'AbortError');
export const isAbortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs a request with the ApiClient's bearer token; on a 401 refreshes once (or picks up a token
 * another call refreshed meanwhile) and retries. Without a new token the 401 stands.
 */
async function withToken<T extends { status: number }>(send: (token: string | null) => Promise<T>): Promise<T> {
  const tokenUsed = api.token;
  const first = await send(tokenUsed);
  if (first.status !== 401) return first;
  const retryToken = api.token !== null && api.token !== tokenUsed ? api.token : (await api.refresh())?.accessToken;
  if (!retryToken) return first;
  return send(retryToken);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadHandle {
  promise: Promise<DocumentDto>;
  /** Cancels the upload (xhr.abort): the promise rejects with an AbortError. */
  abort: () => void;
}

interface XhrResult {
  status: number;
  text: string;
}

/**
 * Uploads one file as multipart/form-data (field `file`) with XMLHttpRequest, because fetch
 * reports no upload progress. Sends the bearer token; a 401 refreshes and retries once.
 */
export function uploadFile(
  url: string,
  file: File,
  options: { idempotencyKey: string; onProgress: (progress: UploadProgress) => void },
): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;

  const send = (token: string | null): Promise<XhrResult> =>
    new Promise<XhrResult>((resolve, reject) => {
      if (aborted) {
        reject(abortError());
        return;
      }
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress({ loaded: event.loaded, total: event.total });
      };
      xhr.onload = () => {
        resolve({ status: xhr.status, text: typeof xhr.responseText === 'string' ? xhr.responseText : '' });
      };
      xhr.onerror = () => {
        reject(networkError());
      };
      xhr.onabort = () => {
        reject(abortError());
      };
      const form = new FormData();
      form.append(UPLOAD_FIELD, file, file.name);
      xhr.send(form);
    });

  const promise = withToken(send).then((result) => {
    if (result.status < 200 || result.status >= 300) throw errorFrom(result.status, result.text);
    return JSON.parse(result.text) as DocumentDto;
  });

  return {
    promise,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}

/** GET a document's bytes (any version, optionally the inline preview variant) with the bearer token. */
export async function fetchDocumentBlob(
  id: string,
  query: { version?: number; inline?: boolean } = {},
  signal?: AbortSignal,
): Promise<Blob> {
  const url = Routes.documents.download(id, query);
  const response = await withToken(async (token) => {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method: 'GET', headers, credentials: 'same-origin' };
    if (signal) init.signal = signal;
    try {
      return await globalThis.fetch(url, init);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw networkError();
    }
  });
  if (!response.ok) throw errorFrom(response.status, await response.text().catch(() => ''));
  return response.blob();
}

/** Saves a document through a temporary object URL and an `a[download]` click. */
export async function downloadDocument(id: string, fileName: string, version?: number): Promise<void> {
  const blob = await fetchDocumentBlob(id, version !== undefined ? { version } : {});
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob asynchronously after the click: revoke a little later.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
