import { Inject, Injectable } from '@nestjs/common';
import {
  DOCUMENT_NAME_MAX,
  FOLDER_NAME_MAX,
  type CreateFolderRequest,
  type DocumentDto,
  type DocumentPermissions,
  type DocumentSummaryDto,
  type DocumentVersionDto,
  type FolderDetailDto,
  type FolderDto,
  type FolderListDto,
  type Page,
  type TrashItemDto,
  type UpdateDocumentRequest,
  type UpdateFolderRequest,
} from '@treffpunkt/contracts';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { forbidden, notFound } from '../../common/errors/domain-error.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessService, type SpaceAccess } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { spaceArchived } from '../forum/forum.errors.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { BlobStore, FileTooLargeError, type ReceivedFile } from './blob-store.js';
import { INLINE_CONTENT_TYPES, sniffContentType } from './content-sniffer.js';
import {
  fileTooLarge,
  fileTypeNotAllowed,
  malformedUpload,
  moveIntoItself,
  notInTrash,
  otherSpace,
  parentInTrash,
  quotaExceeded,
} from './documents.errors.js';
import { toDocumentDto, toDocumentSummaryDto, toFolderDto, toTrashItemDto, toVersionDto, type People } from './documents.mapper.js';
import { DocumentsRepository, type DocumentState, type FolderState } from './documents.repository.js';
import { displayName } from './file-names.js';
import type { UploadSource } from './upload-source.js';

interface WriteContext {
  user: AuthUser;
  ip: string;
}

/** A checked upload in a temp file: complete, within the limit, of an allowed type. */
interface Received {
  file: ReceivedFile;
  name: string;
  contentType: string;
}

/** What the HTTP layer needs to send one version of a document. */
export interface DownloadFile {
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  /** PDFs and raster images may be shown in the browser. */
  inlineAllowed: boolean;
  open(range?: { start: number; end: number }): Readable;
}

/** Multipart framing around the file: a request somewhat longer than the limit can still carry a file within it. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Advisory lock namespace: moves within one space take turns (two crossing moves cannot make a cycle). */
const TREE_LOCK = 727_113_032;
/** Top-level folder of a space that holds files attached to forum posts. */
const ATTACHMENT_FOLDER_NAME = 'Anhänge';

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DocumentsRepository) private readonly documents: DocumentsRepository,
    @Inject(BlobStore) private readonly store: BlobStore,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  // ── folders ────────────────────────────────────────────────────────────────────────────────

  async listFolders(user: AuthUser, spaceId: string): Promise<FolderListDto> {
    const access = await this.access.requireSpace(user, spaceId);
    const folders = await this.documents.liveFolders(spaceId);
    const people = await this.people(folders.map((f) => f.createdById));
    return { items: folders.map((f) => toFolderDto(f, people, this.permissions(access, f.createdById, user))) };
  }

  async createFolder(ctx: WriteContext, spaceId: string, request: CreateFolderRequest, idempotencyKey?: string): Promise<FolderDetailDto> {
    const access = await this.access.requireSpace(ctx.user, spaceId);
    this.assertWritable(access);
    const parentId = request.parentId ?? null;
    const name = displayName(request.name, FOLDER_NAME_MAX);
    const id = await this.idempotency.run(ctx.user.id, idempotencyKey, `POST /spaces/${spaceId}/folders`, async (manager) => {
      if (parentId) {
        const parent = await this.documents.folderState(parentId, manager);
        if (!parent || parent.inTrash || parent.spaceId !== spaceId) throw notFound('Folder');
      }
      return this.documents.insertFolder({ spaceId, parentId, name, createdById: ctx.user.id }, manager);
    });
    return this.getFolder(ctx.user, id);
  }

  async getFolder(user: AuthUser, folderId: string): Promise<FolderDetailDto> {
    const { access } = await this.requireLiveFolder(user, folderId);
    const folder = (await this.documents.findFolder(folderId))!;
    const [path, children] = await Promise.all([this.documents.ancestors(folderId), this.documents.childFolders(folderId)]);
    const people = await this.people([folder.createdById, ...children.map((c) => c.createdById)]);
    return {
      ...toFolderDto(folder, people, this.permissions(access, folder.createdById, user)),
      path,
      folders: children.map((c) => toFolderDto(c, people, this.permissions(access, c.createdById, user))),
    };
  }

  async updateFolder(ctx: WriteContext, folderId: string, request: UpdateFolderRequest): Promise<FolderDetailDto> {
    const { state, access } = await this.requireLiveFolder(ctx.user, folderId);
    this.assertEditable(access, state.createdById, ctx.user);
    await inTransaction(this.dataSource, async (manager) => {
      const values: { name?: string; parentId?: string | null } = {};
      if (request.name !== undefined) values.name = displayName(request.name, FOLDER_NAME_MAX);
      if (request.parentId !== undefined) {
        await manager.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [TREE_LOCK, state.spaceId]);
        if (request.parentId !== null) {
          await this.requireTargetFolder(ctx.user, request.parentId, state.spaceId, manager);
          if (await this.documents.isSelfOrDescendant(folderId, request.parentId, manager)) throw moveIntoItself();
        }
        values.parentId = request.parentId;
      }
      if (Object.keys(values).length > 0) await this.documents.updateFolder(folderId, values, manager);
    });
    return this.getFolder(ctx.user, folderId);
  }

  async deleteFolder(ctx: WriteContext, folderId: string): Promise<void> {
    const { state, access } = await this.requireLiveFolder(ctx.user, folderId);
    this.assertEditable(access, state.createdById, ctx.user);
    await inTransaction(this.dataSource, async (manager) => {
      await this.documents.updateFolder(folderId, { deletedAt: new Date(), deletedById: ctx.user.id }, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'folder.delete',
          entityType: 'folder',
          entityId: folderId,
          ip: ctx.ip,
          details: { spaceId: state.spaceId },
        },
        manager,
      );
    });
  }

  async restoreFolder(ctx: WriteContext, folderId: string): Promise<FolderDetailDto> {
    const state = await this.documents.folderState(folderId);
    const access = state ? (await this.access.spaces(ctx.user, [state.spaceId])).get(state.spaceId) : undefined;
    if (!state || !access) throw notFound('Folder');
    if (state.deletedAt === null) throw state.inTrash ? parentInTrash() : notInTrash();
    this.assertEditable(access, state.createdById, ctx.user);
    if (state.parentInTrash) throw parentInTrash();
    await inTransaction(this.dataSource, async (manager) => {
      await this.documents.updateFolder(folderId, { deletedAt: null, deletedById: null }, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'folder.restore',
          entityType: 'folder',
          entityId: folderId,
          ip: ctx.ip,
          details: { spaceId: state.spaceId },
        },
        manager,
      );
    });
    return this.getFolder(ctx.user, folderId);
  }

  // ── documents ──────────────────────────────────────────────────────────────────────────────

  async listDocuments(user: AuthUser, folderId: string, query: { cursor?: string; limit?: number }): Promise<Page<DocumentSummaryDto>> {
    await this.requireLiveFolder(user, folderId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['name', 'id'] as const);
    const rows = await this.documents.documentPage(folderId, limit + 1, cursor);
    const people = await this.people(rows.slice(0, limit).flatMap((r) => [r.createdById, r.uploadedById]));
    return toPage(
      rows,
      limit,
      (r) => toDocumentSummaryDto(r, people),
      (r) => ({ name: r.name.toLowerCase(), id: r.id }),
    );
  }

  async getDocument(user: AuthUser, documentId: string): Promise<DocumentDto> {
    const { access } = await this.requireLiveDocument(user, documentId);
    const [row, versions] = await Promise.all([this.documents.documentRow(documentId), this.documents.versions(documentId)]);
    if (!row) throw notFound('Document');
    const people = await this.people([row.createdById, row.uploadedById, ...versions.map((v) => v.uploadedById)]);
    return toDocumentDto(row, versions, people, this.permissions(access, row.createdById, user));
  }

  async listVersions(user: AuthUser, documentId: string): Promise<{ items: DocumentVersionDto[] }> {
    await this.requireLiveDocument(user, documentId);
    const versions = await this.documents.versions(documentId);
    const people = await this.people(versions.map((v) => v.uploadedById));
    return { items: versions.map((v) => toVersionDto(v, people)) };
  }

  /** A new document from an upload; the bytes are in place before the row commits. */
  async upload(ctx: WriteContext, folderId: string, source: UploadSource, idempotencyKey?: string): Promise<DocumentDto> {
    const { state: folder, access } = await this.requireLiveFolder(ctx.user, folderId);
    this.assertWritable(access);
    await this.precheckQuota(folder.spaceId, source.declaredBytes);
    const received = await this.receive(source);
    try {
      const documentId = await this.idempotency.run(
        ctx.user.id,
        idempotencyKey,
        `POST /folders/${folderId}/documents`,
        async (manager, afterCommit) => {
          const current = await this.documents.folderState(folderId, manager);
          if (!current || current.inTrash) throw notFound('Folder');
          await this.storeBlob(folder.spaceId, received, manager);
          const id = await this.documents.insertDocument(
            { spaceId: folder.spaceId, folderId, name: received.name, createdById: ctx.user.id, currentVersion: 1 },
            manager,
          );
          await this.documents.insertVersion(
            {
              documentId: id,
              version: 1,
              blobSha256: received.file.sha256,
              size: received.file.size,
              contentType: received.contentType,
              originalName: received.name,
              uploadedById: ctx.user.id,
              restoredFrom: null,
            },
            manager,
          );
          afterCommit(() =>
            this.events.emit('document.added', {
              documentId: id,
              spaceId: folder.spaceId,
              folderId,
              actorId: ctx.user.id,
              name: received.name,
            }),
          );
          return id;
        },
      );
      return await this.getDocument(ctx.user, documentId);
    } finally {
      await this.store.discard(received.file);
    }
  }

  /** A new version of an existing document (anyone who may upload in the space; older versions stay). */
  async uploadVersion(ctx: WriteContext, documentId: string, source: UploadSource, idempotencyKey?: string): Promise<DocumentDto> {
    const { state, access } = await this.requireLiveDocument(ctx.user, documentId);
    this.assertWritable(access);
    await this.precheckQuota(state.spaceId, source.declaredBytes);
    const received = await this.receive(source);
    try {
      await this.idempotency.run(ctx.user.id, idempotencyKey, `POST /documents/${documentId}/versions`, async (manager) => {
        await this.storeBlob(state.spaceId, received, manager);
        await this.appendVersion(
          manager,
          documentId,
          { sha256: received.file.sha256, size: received.file.size, contentType: received.contentType, originalName: received.name },
          ctx.user.id,
          null,
        );
        return { documentId };
      });
      return await this.getDocument(ctx.user, documentId);
    } finally {
      await this.store.discard(received.file);
    }
  }

  /** Publishes an older version again as the newest (the same stored bytes, no copy). */
  async restoreVersion(ctx: WriteContext, documentId: string, version: number): Promise<DocumentDto> {
    const { state, access } = await this.requireLiveDocument(ctx.user, documentId);
    this.assertWritable(access);
    const old = await this.documents.version(documentId, version);
    if (!old) throw notFound('Version');
    await inTransaction(this.dataSource, async (manager) => {
      await this.documents.lockSpaceQuota(state.spaceId, manager);
      await this.checkQuota(state.spaceId, old.size, manager);
      const number = await this.appendVersion(
        manager,
        documentId,
        { sha256: old.blobSha256, size: old.size, contentType: old.contentType, originalName: old.originalName },
        ctx.user.id,
        version,
      );
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'document.version_restore',
          entityType: 'document',
          entityId: documentId,
          ip: ctx.ip,
          details: { spaceId: state.spaceId, restoredFrom: version, version: number },
        },
        manager,
      );
    });
    return this.getDocument(ctx.user, documentId);
  }

  async updateDocument(ctx: WriteContext, documentId: string, request: UpdateDocumentRequest): Promise<DocumentDto> {
    const { state, access } = await this.requireLiveDocument(ctx.user, documentId);
    this.assertEditable(access, state.createdById, ctx.user);
    await inTransaction(this.dataSource, async (manager) => {
      const values: { name?: string; folderId?: string } = {};
      if (request.name !== undefined) values.name = displayName(request.name, DOCUMENT_NAME_MAX);
      if (request.folderId !== undefined) {
        await this.requireTargetFolder(ctx.user, request.folderId, state.spaceId, manager);
        values.folderId = request.folderId;
      }
      if (Object.keys(values).length > 0) await this.documents.updateDocument(documentId, values, manager);
    });
    return this.getDocument(ctx.user, documentId);
  }

  async deleteDocument(ctx: WriteContext, documentId: string): Promise<void> {
    const { state, access } = await this.requireLiveDocument(ctx.user, documentId);
    this.assertEditable(access, state.createdById, ctx.user);
    await inTransaction(this.dataSource, async (manager) => {
      await this.documents.updateDocument(documentId, { deletedAt: new Date(), deletedById: ctx.user.id }, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'document.delete',
          entityType: 'document',
          entityId: documentId,
          ip: ctx.ip,
          details: { spaceId: state.spaceId },
        },
        manager,
      );
    });
  }

  async restoreDocument(ctx: WriteContext, documentId: string): Promise<DocumentDto> {
    const state = await this.documents.documentState(documentId);
    const access = state ? (await this.access.spaces(ctx.user, [state.spaceId])).get(state.spaceId) : undefined;
    if (!state || !access) throw notFound('Document');
    if (state.deletedAt === null) throw state.folderInTrash ? parentInTrash() : notInTrash();
    this.assertEditable(access, state.createdById, ctx.user);
    if (state.folderInTrash) throw parentInTrash();
    await inTransaction(this.dataSource, async (manager) => {
      await this.documents.updateDocument(documentId, { deletedAt: null, deletedById: null }, manager);
      await this.audit.record(
        {
          actorId: ctx.user.id,
          action: 'document.restore',
          entityType: 'document',
          entityId: documentId,
          ip: ctx.ip,
          details: { spaceId: state.spaceId },
        },
        manager,
      );
    });
    return this.getDocument(ctx.user, documentId);
  }

  /** One version (default: the current one) for download. */
  async download(user: AuthUser, documentId: string, version?: number, ip?: string): Promise<DownloadFile> {
    const { state } = await this.requireLiveDocument(user, documentId);
    const v = await this.documents.version(documentId, version ?? state.currentVersion);
    if (!v) throw notFound('Version');
    // a file attached to a case-thread post is case material: every download is audited like a read
    const caseThreadIds = await this.documents.caseThreadsAttaching(documentId);
    if (caseThreadIds.length > 0) {
      await inTransaction(this.dataSource, async (manager) => {
        for (const threadId of caseThreadIds) {
          await this.audit.record(
            {
              actorId: user.id,
              action: 'case.read',
              entityType: 'thread',
              entityId: threadId,
              ip: ip ?? null,
              details: { via: 'attachment', documentId },
            },
            manager,
          );
        }
      });
    }
    return {
      name: state.name,
      sha256: v.blobSha256,
      size: v.size,
      contentType: v.contentType,
      inlineAllowed: INLINE_CONTENT_TYPES.has(v.contentType),
      open: (range) => this.store.read(v.blobSha256, range),
    };
  }

  /**
   * The space's folder for files attached to forum posts: a top-level folder "Anhänge", created on
   * first use (two first uses at once still make one folder).
   */
  async attachmentFolder(ctx: WriteContext, spaceId: string): Promise<FolderDto> {
    const access = await this.access.requireSpace(ctx.user, spaceId);
    let folder = await this.documents.findTopLevelFolder(spaceId, ATTACHMENT_FOLDER_NAME);
    if (!folder) {
      this.assertWritable(access);
      const id = await inTransaction(this.dataSource, async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [TREE_LOCK, spaceId]);
        const existing = await this.documents.findTopLevelFolder(spaceId, ATTACHMENT_FOLDER_NAME, manager);
        return (
          existing?.id ??
          (await this.documents.insertFolder({ spaceId, parentId: null, name: ATTACHMENT_FOLDER_NAME, createdById: ctx.user.id }, manager))
        );
      });
      folder = (await this.documents.findFolder(id))!;
    }
    const people = await this.people([folder.createdById]);
    return toFolderDto(folder, people, this.permissions(access, folder.createdById, ctx.user));
  }

  // ── trash ──────────────────────────────────────────────────────────────────────────────────

  async listTrash(user: AuthUser, spaceId: string, query: { cursor?: string; limit?: number }): Promise<Page<TrashItemDto>> {
    await this.access.requireSpace(user, spaceId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['ts', 'id'] as const);
    const rows = await this.documents.trash(spaceId, limit + 1, cursor);
    const people = await this.people(rows.slice(0, limit).flatMap((r) => (r.deletedById ? [r.deletedById] : [])));
    return toPage(
      rows,
      limit,
      (r) => toTrashItemDto(r, people, this.config.documentTrashDays),
      (r) => ({ ts: r.cursorTs, id: r.id }),
    );
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  /** Invisible space, unknown folder or a folder in the trash: 404 alike. */
  private async requireLiveFolder(user: AuthUser, folderId: string): Promise<{ state: FolderState; access: SpaceAccess }> {
    const state = await this.documents.folderState(folderId);
    const access = state ? (await this.access.spaces(user, [state.spaceId])).get(state.spaceId) : undefined;
    if (!state || !access || state.inTrash) throw notFound('Folder');
    return { state, access };
  }

  private async requireLiveDocument(user: AuthUser, documentId: string): Promise<{ state: DocumentState; access: SpaceAccess }> {
    const state = await this.documents.documentState(documentId);
    const access = state ? (await this.access.spaces(user, [state.spaceId])).get(state.spaceId) : undefined;
    if (!state || !access || state.deletedAt !== null || state.folderInTrash) throw notFound('Document');
    return { state, access };
  }

  /** Where something moves to: a live folder the person can see, in the same space. */
  private async requireTargetFolder(user: AuthUser, folderId: string, spaceId: string, manager: EntityManager): Promise<void> {
    const target = await this.documents.folderState(folderId, manager);
    const visible = target ? (await this.access.spaces(user, [target.spaceId], manager)).has(target.spaceId) : false;
    if (!target || !visible || target.inTrash) throw notFound('Folder');
    if (target.spaceId !== spaceId) throw otherSpace();
  }

  private permissions(access: SpaceAccess, createdById: string, user: AuthUser): DocumentPermissions {
    return {
      upload: access.permissions.post,
      edit: access.permissions.post && (access.permissions.moderate || createdById === user.id),
    };
  }

  private assertWritable(access: SpaceAccess): void {
    if (access.archived) throw spaceArchived();
    this.access.assert(access, 'post');
  }

  private assertEditable(access: SpaceAccess, createdById: string, user: AuthUser): void {
    this.assertWritable(access);
    if (!this.permissions(access, createdById, user).edit) throw forbidden('Only the person who added it or a moderator may change this');
  }

  private async people(ids: string[]): Promise<People> {
    const unique = [...new Set(ids)];
    return new Map((await this.users.findManyWithOrganisation(unique)).map((u) => [u.id, u]));
  }

  /** Refuses early what clearly cannot fit (the exact check happens under lock after the upload). */
  private async precheckQuota(spaceId: string, declaredBytes: number | null): Promise<void> {
    const atLeast = Math.max(0, (declaredBytes ?? 0) - MULTIPART_OVERHEAD);
    if (atLeast > this.config.uploadMaxBytes) throw fileTooLarge(this.config.uploadMaxBytes);
    const used = await this.documents.spaceUsage(spaceId);
    if (used + atLeast > this.config.spaceQuotaBytes) throw quotaExceeded(this.config.spaceQuotaBytes);
  }

  private async checkQuota(spaceId: string, addBytes: number, manager: EntityManager): Promise<void> {
    const used = await this.documents.spaceUsage(spaceId, manager);
    if (used + addBytes > this.config.spaceQuotaBytes) throw quotaExceeded(this.config.spaceQuotaBytes);
  }

  /** Streams the file part to a temp file and checks size and type; on any refusal nothing is left behind. */
  private async receive(source: UploadSource): Promise<Received> {
    const upload = await source.open();
    let file: ReceivedFile;
    try {
      file = await this.store.receive(upload.stream, this.config.uploadMaxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) throw fileTooLarge(this.config.uploadMaxBytes);
      if (upload.failed()) throw malformedUpload('The upload broke off or its multipart body is malformed');
      throw error;
    }
    if (upload.truncated()) {
      await this.store.discard(file);
      throw fileTooLarge(this.config.uploadMaxBytes);
    }
    const sniffed = await sniffContentType(file.head, file.size);
    if (sniffed.denied) {
      await this.store.discard(file);
      throw fileTypeNotAllowed(sniffed.contentType, sniffed.denied);
    }
    return { file, name: displayName(upload.filename, DOCUMENT_NAME_MAX), contentType: sniffed.contentType };
  }

  /**
   * Inside the upload's transaction: quota check under the space's lock, then the blob row (created
   * or locked, so the sweeper keeps its hands off), then the file into place. The version row that
   * references it commits after the rename.
   */
  private async storeBlob(spaceId: string, received: Received, manager: EntityManager): Promise<void> {
    await this.documents.lockSpaceQuota(spaceId, manager);
    await this.checkQuota(spaceId, received.file.size, manager);
    await this.documents.claimBlob(received.file.sha256, received.file.size, received.contentType, manager);
    await this.store.publish(received.file);
  }

  private async appendVersion(
    manager: EntityManager,
    documentId: string,
    blob: { sha256: string; size: number; contentType: string; originalName: string },
    userId: string,
    restoredFrom: number | null,
  ): Promise<number> {
    const version = await this.documents.nextVersion(documentId, manager);
    if (version === null) throw notFound('Document');
    await this.documents.insertVersion(
      {
        documentId,
        version,
        blobSha256: blob.sha256,
        size: blob.size,
        contentType: blob.contentType,
        originalName: blob.originalName,
        uploadedById: userId,
        restoredFrom,
      },
      manager,
    );
    return version;
  }
}
