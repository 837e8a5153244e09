import type { DocumentDto, DocumentSummaryDto, DocumentVersionDto, FolderDetailDto, FolderDto, TrashItemDto } from '@treffpunkt/contracts';
import { person, SPACE_ID } from '../../test/forumFixtures';

/** Test fixtures and a controllable XMLHttpRequest for the documents area (tests only). */

export const FOLDER_ID = 'folder-1';
export const DOCUMENT_ID = 'doc-1';

export function makeFolder(overrides: Partial<FolderDto> = {}): FolderDto {
  return {
    id: FOLDER_ID,
    spaceId: SPACE_ID,
    parentId: null,
    name: 'Protokolle',
    createdBy: person(),
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    permissions: { upload: true, edit: true },
    ...overrides,
  };
}

export function folderDetail(folder: FolderDto, all: FolderDto[]): FolderDetailDto {
  const byId = new Map(all.map((item) => [item.id, item]));
  const path: Array<{ id: string; name: string }> = [];
  let parent = folder.parentId ? byId.get(folder.parentId) : undefined;
  while (parent) {
    path.unshift({ id: parent.id, name: parent.name });
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return { ...folder, path, folders: all.filter((item) => item.parentId === folder.id) };
}

export function makeVersion(version: number, overrides: Partial<DocumentVersionDto> = {}): DocumentVersionDto {
  return {
    version,
    size: 1_258_291,
    contentType: 'application/pdf',
    sha256: `${String(version)}f2a9c0d1e2b3a4958677c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b`.slice(0, 64),
    originalName: 'Protokoll.pdf',
    uploadedBy: person(),
    createdAt: `2026-11-0${String(version)}T09:00:00.000Z`,
    restoredFrom: null,
    ...overrides,
  };
}

export function makeDocumentSummary(overrides: Partial<DocumentSummaryDto> = {}): DocumentSummaryDto {
  return {
    id: DOCUMENT_ID,
    spaceId: SPACE_ID,
    folderId: FOLDER_ID,
    name: 'Protokoll.pdf',
    size: 1_258_291,
    contentType: 'application/pdf',
    sha256: 'a'.repeat(64),
    version: 1,
    createdBy: person(),
    updatedBy: person(),
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<DocumentDto> = {}): DocumentDto {
  return {
    ...makeDocumentSummary(),
    versions: [makeVersion(1)],
    permissions: { upload: true, edit: true },
    ...overrides,
  };
}

export function makeTrashItem(overrides: Partial<TrashItemDto> = {}): TrashItemDto {
  return {
    kind: 'document',
    id: DOCUMENT_ID,
    name: 'Alt.pdf',
    parentId: FOLDER_ID,
    deletedAt: '2026-11-20T09:00:00.000Z',
    deletedBy: person({ displayName: 'Berta Beispiel' }),
    purgeAfter: '2026-12-20T09:00:00.000Z',
    size: 2048,
    ...overrides,
  };
}

type Listener = ((event: ProgressEvent) => void) | null;

/** A stand-in for XMLHttpRequest whose progress, answer and abort the test drives. */
export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: Listener } = { onprogress: null };
  onload: Listener = null;
  onerror: Listener = null;
  onabort: Listener = null;

  constructor() {
    FakeXhr.instances.push(this);
  }

  static reset(): void {
    FakeXhr.instances = [];
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: unknown): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.(new ProgressEvent('abort'));
  }

  /** Test side: report upload progress. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
  }

  /** Test side: answer with a status and a JSON body. */
  respond(status: number, body?: unknown): void {
    this.status = status;
    this.responseText = body === undefined ? '' : JSON.stringify(body);
    this.onload?.(new ProgressEvent('load'));
  }

  /** The file sent in the multipart field. */
  file(): File | null {
    return this.body instanceof FormData ? (this.body.get('file') as File | null) : null;
  }
}
