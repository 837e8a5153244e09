import { SEARCH_TYPES } from './forum.js';
import type { UserSummary } from './users.js';

/** Longest display name of a document or folder (in characters; longer names are shortened on upload). */
export const DOCUMENT_NAME_MAX = 255;
export const FOLDER_NAME_MAX = 120;
/** Multipart field that carries the file of an upload. */
export const UPLOAD_FIELD = 'file';

export interface DocumentPermissions {
  /** Upload documents / new versions, create subfolders. */
  upload: boolean;
  /** Rename, move, delete to trash, restore from trash. */
  edit: boolean;
}

export interface FolderDto {
  id: string;
  spaceId: string;
  /** null = top level of the space. */
  parentId: string | null;
  name: string;
  createdBy: UserSummary;
  createdAt: string;
  updatedAt: string;
  permissions: DocumentPermissions;
}

export interface FolderListDto {
  /** Every folder of the space (not in the trash), parents before children; the client builds the tree. */
  items: FolderDto[];
}

export interface FolderDetailDto extends FolderDto {
  /** Breadcrumb from the top level down to (not including) this folder. */
  path: Array<{ id: string; name: string }>;
  /** Direct subfolders. Documents: GET /api/folders/:id/documents. */
  folders: FolderDto[];
}

export interface CreateFolderRequest {
  name: string;
  parentId?: string | null;
}

export interface UpdateFolderRequest {
  name?: string;
  /** Move within the same space; null = top level. A folder cannot move into itself or below itself. */
  parentId?: string | null;
}

export interface DocumentVersionDto {
  version: number;
  size: number;
  /** Detected from the bytes, never taken from the client. */
  contentType: string;
  sha256: string;
  /** The file name as uploaded (display only). */
  originalName: string;
  uploadedBy: UserSummary;
  createdAt: string;
  /** Set when this version re-published an older one. */
  restoredFrom: number | null;
}

export interface DocumentSummaryDto {
  id: string;
  spaceId: string;
  folderId: string;
  name: string;
  /** Current version's size, type and hash. */
  size: number;
  contentType: string;
  sha256: string;
  version: number;
  createdBy: UserSummary;
  /** Who uploaded the current version. */
  updatedBy: UserSummary;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentDto extends DocumentSummaryDto {
  /** Newest first. */
  versions: DocumentVersionDto[];
  permissions: DocumentPermissions;
}

export interface UpdateDocumentRequest {
  name?: string;
  /** Move to another folder of the same space. */
  folderId?: string;
}

export interface TrashItemDto {
  kind: 'folder' | 'document';
  id: string;
  name: string;
  /** Folder the item was in (documents), or parent folder (folders; null = top level). */
  parentId: string | null;
  deletedAt: string;
  deletedBy: UserSummary | null;
  /** When the purge job deletes it for good. */
  purgeAfter: string;
  /** Documents only: current version size. */
  size: number | null;
}

export interface DocumentSearchHitDto {
  type: 'documents';
  documentId: string;
  folderId: string;
  spaceId: string;
  spaceName: string;
  name: string;
  /** HTML-escaped name with matches wrapped in <mark>…</mark>. */
  snippet: string;
  contentType: string;
  size: number;
  author: UserSummary;
  updatedAt: string;
}

export interface DownloadQuery {
  /** Version number (default: the current one). */
  version?: number;
  /** Preview in the browser: honoured for PDFs and raster images only, everything else is an attachment. */
  inline?: boolean;
}

/**
 * Every `type` `/api/search` accepts. Without a type it searches threads and posts (SEARCH_TYPES);
 * documents are searched by name with `type=documents` and answer with DocumentSearchHitDto.
 */
export const SEARCH_SCOPES = [...SEARCH_TYPES, 'documents'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];
