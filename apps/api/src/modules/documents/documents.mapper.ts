import type {
  DocumentDto,
  DocumentPermissions,
  DocumentSummaryDto,
  DocumentVersionDto,
  FolderDto,
  TrashItemDto,
  UserSummary,
} from '@treffpunkt/contracts';
import { toUserSummary } from '../users/users.mapper.js';
import type { UserWithOrganisation } from '../users/users.repository.js';
import type { DocumentRow, TrashRow } from './documents.repository.js';
import type { DocumentVersion } from './entities/document-version.entity.js';
import type { Folder } from './entities/folder.entity.js';

export type People = Map<string, UserWithOrganisation>;

const person = (people: People, id: string): UserSummary => toUserSummary(people.get(id)!);

export const toFolderDto = (f: Folder, people: People, permissions: DocumentPermissions): FolderDto => ({
  id: f.id,
  spaceId: f.spaceId,
  parentId: f.parentId,
  name: f.name,
  createdBy: person(people, f.createdById),
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
  permissions,
});

export const toDocumentSummaryDto = (d: DocumentRow, people: People): DocumentSummaryDto => ({
  id: d.id,
  spaceId: d.spaceId,
  folderId: d.folderId,
  name: d.name,
  size: d.size,
  contentType: d.contentType,
  sha256: d.sha256,
  version: d.currentVersion,
  createdBy: person(people, d.createdById),
  updatedBy: person(people, d.uploadedById),
  createdAt: new Date(d.createdAt).toISOString(),
  updatedAt: new Date(d.versionCreatedAt > d.updatedAt ? d.versionCreatedAt : d.updatedAt).toISOString(),
});

export const toVersionDto = (v: DocumentVersion, people: People): DocumentVersionDto => ({
  version: v.version,
  size: v.size,
  contentType: v.contentType,
  sha256: v.blobSha256,
  originalName: v.originalName,
  uploadedBy: person(people, v.uploadedById),
  createdAt: v.createdAt.toISOString(),
  restoredFrom: v.restoredFrom,
});

export const toDocumentDto = (
  d: DocumentRow,
  versions: DocumentVersion[],
  people: People,
  permissions: DocumentPermissions,
): DocumentDto => ({
  ...toDocumentSummaryDto(d, people),
  versions: versions.map((v) => toVersionDto(v, people)),
  permissions,
});

export const toTrashItemDto = (t: TrashRow, people: People, trashDays: number): TrashItemDto => ({
  kind: t.kind,
  id: t.id,
  name: t.name,
  parentId: t.parentId,
  deletedAt: new Date(t.deletedAt).toISOString(),
  deletedBy: t.deletedById && people.has(t.deletedById) ? person(people, t.deletedById) : null,
  purgeAfter: new Date(new Date(t.deletedAt).getTime() + trashDays * 86_400_000).toISOString(),
  size: t.size,
});
