import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared } from '../../database/prepared.js';
import { DocumentVersion } from './entities/document-version.entity.js';
import { Document } from './entities/document.entity.js';
import { Folder } from './entities/folder.entity.js';

/** Where a folder or document is, and whether it or a folder above it is in the trash. */
export interface FolderState {
  id: string;
  spaceId: string;
  parentId: string | null;
  name: string;
  createdById: string;
  deletedAt: Date | null;
  /** This folder or one above it is in the trash. */
  inTrash: boolean;
  /** A folder above it (not the folder itself) is in the trash. */
  parentInTrash: boolean;
}

export interface DocumentState {
  id: string;
  spaceId: string;
  folderId: string;
  name: string;
  createdById: string;
  currentVersion: number;
  deletedAt: Date | null;
  /** The document's folder (or one above it) is in the trash. */
  folderInTrash: boolean;
}

/** A document with its current version, as lists show it. */
export interface DocumentRow {
  id: string;
  spaceId: string;
  folderId: string;
  name: string;
  currentVersion: number;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  size: number;
  contentType: string;
  sha256: string;
  uploadedById: string;
  versionCreatedAt: Date;
}

export interface TrashRow {
  kind: 'folder' | 'document';
  id: string;
  name: string;
  parentId: string | null;
  deletedAt: Date;
  deletedById: string | null;
  size: number | null;
  /** deleted_at as text (microseconds intact) for the cursor. */
  cursorTs: string;
}

/** Advisory lock namespace: uploads into one space take turns at the quota check. */
const QUOTA_LOCK = 727_113_031;

const DOCUMENT_ROW = `
  SELECT d.id, d.space_id AS "spaceId", d.folder_id AS "folderId", d.name, d.current_version AS "currentVersion",
         d.created_by_id AS "createdById", d.created_at AS "createdAt", d.updated_at AS "updatedAt",
         v.size::float8 AS size, v.content_type AS "contentType", v.blob_sha256 AS sha256, v.uploaded_by_id AS "uploadedById",
         v.created_at AS "versionCreatedAt"
    FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version`;

/** Folders of a space with their trash state inherited down the tree. */
const FOLDER_TREE = `
  WITH RECURSIVE tree AS (
    SELECT f.id, f.parent_id, f.deleted_at IS NOT NULL AS in_trash, false AS parent_in_trash, 0 AS depth
      FROM folders f WHERE f.space_id = $1 AND f.parent_id IS NULL
    UNION ALL
    SELECT c.id, c.parent_id, tree.in_trash OR c.deleted_at IS NOT NULL, tree.in_trash, tree.depth + 1
      FROM folders c JOIN tree ON c.parent_id = tree.id
  )`;

@Injectable()
export class DocumentsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ── folders ────────────────────────────────────────────────────────────────────────────────

  async insertFolder(values: Pick<Folder, 'spaceId' | 'parentId' | 'name' | 'createdById'>, manager: EntityManager): Promise<string> {
    const result = await manager.getRepository(Folder).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  findFolder(id: string, manager?: EntityManager): Promise<Folder | null> {
    return this.m(manager).getRepository(Folder).findOne({ where: { id } });
  }

  /** A live top-level folder of the space with this name (the oldest, should there be several). */
  async findTopLevelFolder(spaceId: string, name: string, manager?: EntityManager): Promise<Folder | null> {
    return this.m(manager)
      .getRepository(Folder)
      .createQueryBuilder('f')
      .where('f.spaceId = :spaceId AND f.parentId IS NULL AND f.deletedAt IS NULL AND f.name = :name', { spaceId, name })
      .orderBy('f.createdAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getOne();
  }

  /** Case threads (not deleted) with a post that carries this document as an attachment. */
  async caseThreadsAttaching(documentId: string, manager?: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m(manager).query(
      `SELECT DISTINCT t.id
         FROM post_attachments a
         JOIN posts p ON p.id = a.post_id
         JOIN threads t ON t.id = p.thread_id
        WHERE a.document_id = $1 AND t.kind = 'case'`,
      [documentId],
    );
    return rows.map((r) => r.id);
  }

  /** The folder with its trash state (walking up to the top level). */
  async folderState(id: string, manager?: EntityManager): Promise<FolderState | null> {
    const rows: Array<Omit<FolderState, 'inTrash' | 'parentInTrash'> & { ancestor_deleted: boolean }> = await queryPrepared(
      this.m(manager),
      `WITH RECURSIVE up AS (
         SELECT f.parent_id FROM folders f WHERE f.id = $1
         UNION ALL
         SELECT p.parent_id FROM folders p JOIN up ON p.id = up.parent_id
       )
       SELECT f.id, f.space_id AS "spaceId", f.parent_id AS "parentId", f.name, f.created_by_id AS "createdById", f.deleted_at AS "deletedAt",
              EXISTS (SELECT 1 FROM up JOIN folders a ON a.id = up.parent_id WHERE a.deleted_at IS NOT NULL) AS ancestor_deleted
         FROM folders f WHERE f.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const { ancestor_deleted, ...rest } = row;
    return { ...rest, inTrash: ancestor_deleted || row.deletedAt !== null, parentInTrash: ancestor_deleted };
  }

  /** Every folder of the space outside the trash, parents before children, then by name. */
  async liveFolders(spaceId: string, manager?: EntityManager): Promise<Folder[]> {
    const rows: Array<{ id: string }> = await this.m(manager).query(
      `${FOLDER_TREE} SELECT id FROM tree WHERE NOT in_trash ORDER BY depth`,
      [spaceId],
    );
    if (rows.length === 0) return [];
    const folders = await this.m(manager)
      .getRepository(Folder)
      .createQueryBuilder('f')
      .where('f.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    const byId = new Map(folders.map((f) => [f.id, f]));
    return rows.map((r) => byId.get(r.id)!).filter(Boolean);
  }

  childFolders(parentId: string, manager?: EntityManager): Promise<Folder[]> {
    return this.m(manager)
      .getRepository(Folder)
      .createQueryBuilder('f')
      .where('f.parent_id = :parentId AND f.deleted_at IS NULL', { parentId })
      .orderBy('lower(f.name)')
      .addOrderBy('f.id')
      .getMany();
  }

  /** From the top level down to the folder's parent. */
  async ancestors(folderId: string, manager?: EntityManager): Promise<Array<{ id: string; name: string }>> {
    const rows: Array<{ id: string; name: string }> = await this.m(manager).query(
      `WITH RECURSIVE up AS (
         SELECT f.parent_id, 1 AS depth FROM folders f WHERE f.id = $1
         UNION ALL
         SELECT p.parent_id, up.depth + 1 FROM folders p JOIN up ON p.id = up.parent_id WHERE up.depth < 1000
       )
       SELECT a.id, a.name FROM up JOIN folders a ON a.id = up.parent_id ORDER BY up.depth DESC`,
      [folderId],
    );
    return rows;
  }

  /** Whether `candidateId` is `folderId` itself or somewhere below it. */
  async isSelfOrDescendant(folderId: string, candidateId: string, manager?: EntityManager): Promise<boolean> {
    const rows: Array<{ found: boolean }> = await this.m(manager).query(
      `WITH RECURSIVE up AS (
         SELECT f.id, f.parent_id FROM folders f WHERE f.id = $2
         UNION ALL
         SELECT p.id, p.parent_id FROM folders p JOIN up ON p.id = up.parent_id
       )
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS found`,
      [folderId, candidateId],
    );
    return rows[0]?.found ?? false;
  }

  async updateFolder(
    id: string,
    values: Partial<Pick<Folder, 'name' | 'parentId' | 'deletedAt' | 'deletedById'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.m(manager).getRepository(Folder).update({ id }, values);
  }

  /** Deletes for good (subfolders, documents and versions go with it by cascade). Returns whether it existed. */
  async deleteFolder(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(Folder).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  // ── documents ──────────────────────────────────────────────────────────────────────────────

  async insertDocument(
    values: Pick<Document, 'spaceId' | 'folderId' | 'name' | 'createdById' | 'currentVersion'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(Document).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertVersion(
    values: Pick<
      DocumentVersion,
      'documentId' | 'version' | 'blobSha256' | 'size' | 'contentType' | 'originalName' | 'uploadedById' | 'restoredFrom'
    >,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(DocumentVersion).insert(values);
  }

  async documentState(id: string, manager?: EntityManager): Promise<DocumentState | null> {
    const rows: Array<Omit<DocumentState, 'folderInTrash'> & { folder_in_trash: boolean }> = await queryPrepared(
      this.m(manager),
      `WITH RECURSIVE up AS (
         SELECT f.id, f.parent_id, f.deleted_at FROM folders f JOIN documents d ON d.folder_id = f.id WHERE d.id = $1
         UNION ALL
         SELECT p.id, p.parent_id, p.deleted_at FROM folders p JOIN up ON p.id = up.parent_id
       )
       SELECT d.id, d.space_id AS "spaceId", d.folder_id AS "folderId", d.name, d.created_by_id AS "createdById",
              d.current_version AS "currentVersion", d.deleted_at AS "deletedAt",
              EXISTS (SELECT 1 FROM up WHERE up.deleted_at IS NOT NULL) AS folder_in_trash
         FROM documents d WHERE d.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const { folder_in_trash, ...rest } = row;
    return { ...rest, folderInTrash: folder_in_trash };
  }

  async documentRow(id: string, manager?: EntityManager): Promise<DocumentRow | null> {
    const rows: DocumentRow[] = await queryPrepared(this.m(manager), `${DOCUMENT_ROW} WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Documents of a folder outside the trash, by name; keyset-paginated on (lower(name), id). */
  documentPage(folderId: string, limit: number, cursor?: { name: string; id: string }): Promise<DocumentRow[]> {
    return queryPrepared(
      this.dataSource,
      `${DOCUMENT_ROW}
        WHERE d.folder_id = $1 AND d.deleted_at IS NULL
          AND ($2::text IS NULL OR (lower(d.name), d.id) > ($2::text, $3::uuid))
        ORDER BY lower(d.name), d.id LIMIT $4`,
      [folderId, cursor?.name ?? null, cursor?.id ?? null, limit],
    );
  }

  /** Newest first. */
  versions(documentId: string, manager?: EntityManager): Promise<DocumentVersion[]> {
    return this.m(manager)
      .getRepository(DocumentVersion)
      .find({ where: { documentId }, order: { version: 'DESC' } });
  }

  version(documentId: string, version: number, manager?: EntityManager): Promise<DocumentVersion | null> {
    return this.m(manager).getRepository(DocumentVersion).findOne({ where: { documentId, version } });
  }

  /** Numbers the next version (row lock: concurrent uploads of new versions take turns); null if it went to the trash meanwhile. */
  async nextVersion(documentId: string, manager: EntityManager): Promise<number | null> {
    const rows: Array<{ current_version: number }> = await manager.query(
      `WITH updated AS (
         UPDATE documents SET current_version = current_version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL
          RETURNING current_version)
       SELECT current_version FROM updated`,
      [documentId],
    );
    return rows[0]?.current_version ?? null;
  }

  async updateDocument(
    id: string,
    values: Partial<Pick<Document, 'name' | 'folderId' | 'deletedAt' | 'deletedById'>>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.m(manager).getRepository(Document).update({ id }, values);
  }

  async deleteDocument(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(Document).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  // ── quota ──────────────────────────────────────────────────────────────────────────────────

  /** Uploads into the same space wait here until the other's transaction ends, so two cannot both squeeze under the quota. */
  async lockSpaceQuota(spaceId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [QUOTA_LOCK, spaceId]);
  }

  /** Bytes the space stores: every version of every document, trash included. */
  async spaceUsage(spaceId: string, manager?: EntityManager): Promise<number> {
    const rows: Array<{ bytes: number }> = await this.m(manager).query(
      `SELECT coalesce(sum(v.size), 0)::float8 AS bytes FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.space_id = $1`,
      [spaceId],
    );
    return rows[0]?.bytes ?? 0;
  }

  // ── blobs ──────────────────────────────────────────────────────────────────────────────────

  /** Creates the blob row or locks the existing one (until commit), so the sweeper cannot remove it meanwhile. */
  async claimBlob(sha256: string, size: number, contentType: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO blobs (sha256, size, content_type) VALUES ($1, $2, $3)
       ON CONFLICT (sha256) DO UPDATE SET size = EXCLUDED.size`,
      [sha256, size, contentType],
    );
  }

  /** Blobs no version references (candidates for the sweeper; checked again under lock). */
  async unreferencedBlobs(limit: number): Promise<string[]> {
    const rows: Array<{ sha256: string }> = await this.dataSource.query(
      `SELECT b.sha256 FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.blob_sha256 = b.sha256) LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.sha256);
  }

  /** Locks the blob row and answers whether it still exists and is unreferenced (a fresh snapshot after the lock). */
  async lockUnreferencedBlob(sha256: string, manager: EntityManager): Promise<boolean> {
    const locked: unknown[] = await manager.query('SELECT 1 FROM blobs WHERE sha256 = $1 FOR UPDATE', [sha256]);
    if (locked.length === 0) return false;
    const refs: unknown[] = await manager.query('SELECT 1 FROM document_versions WHERE blob_sha256 = $1 LIMIT 1', [sha256]);
    return refs.length === 0;
  }

  /**
   * For a stored file without a row: inserts a placeholder row (locking the hash until commit).
   * False when a row exists or an upload of the same bytes committed one meanwhile.
   */
  async reserveUnregisteredBlob(sha256: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO blobs (sha256, size, content_type) VALUES ($1, 0, 'application/octet-stream') ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
      [sha256],
    );
    return rows.length > 0;
  }

  async deleteBlob(sha256: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM blobs WHERE sha256 = $1', [sha256]);
  }

  async knownBlobs(sha256s: string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows: Array<{ sha256: string }> = await this.dataSource.query('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::varchar[])', [
      sha256s,
    ]);
    return new Set(rows.map((r) => r.sha256));
  }

  // ── trash ──────────────────────────────────────────────────────────────────────────────────

  /** What was deleted in the space, newest first. */
  trash(spaceId: string, limit: number, cursor?: { ts: string; id: string }): Promise<TrashRow[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT 'folder' AS kind, f.id, f.name, f.parent_id AS "parentId", f.deleted_at AS "deletedAt", f.deleted_by_id AS "deletedById",
                NULL::float8 AS size, f.deleted_at::text AS "cursorTs"
           FROM folders f WHERE f.space_id = $1 AND f.deleted_at IS NOT NULL
         UNION ALL
         SELECT 'document', d.id, d.name, d.folder_id, d.deleted_at, d.deleted_by_id, v.size::float8, d.deleted_at::text
           FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
          WHERE d.space_id = $1 AND d.deleted_at IS NOT NULL
       ) t
       WHERE ($2::timestamptz IS NULL OR ("deletedAt", id) < ($2::timestamptz, $3::uuid))
       ORDER BY "deletedAt" DESC, id DESC LIMIT $4`,
      [spaceId, cursor?.ts ?? null, cursor?.id ?? null, limit],
    );
  }

  /** Trashed folders and documents deleted before `before`. */
  async expiredTrash(
    before: Date,
    limit: number,
  ): Promise<Array<{ kind: 'folder' | 'document'; id: string; spaceId: string; name: string }>> {
    return this.dataSource.query(
      `(SELECT 'folder' AS kind, id, space_id AS "spaceId", name FROM folders WHERE deleted_at < $1 ORDER BY deleted_at LIMIT $2)
       UNION ALL
       (SELECT 'document', id, space_id, name FROM documents WHERE deleted_at < $1 ORDER BY deleted_at LIMIT $2)`,
      [before, limit],
    );
  }
}
