import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '../../common/openapi/decorators.js';
import type { DocumentDto, DocumentSummaryDto, FolderDetailDto, FolderDto, FolderListDto, Page, TrashItemDto } from '@treffpunkt/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { DocumentsService } from './documents.service.js';
import { CreateFolderDto, UpdateFolderDto } from './dto/documents.dto.js';
import { multipartUpload } from './multipart-upload.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class FoldersController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('spaces/:spaceId/folders')
  list(@CurrentUser() user: AuthUser, @Param('spaceId', ParseUUIDPipe) spaceId: string): Promise<FolderListDto> {
    return this.documents.listFolders(user, spaceId);
  }

  @Post('spaces/:spaceId/folders')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
    @Body() body: CreateFolderDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<FolderDetailDto> {
    return this.documents.createFolder({ user, ip }, spaceId, body, key);
  }

  /** Where the forum composer uploads attachments (created on first use). */
  @Get('spaces/:spaceId/attachment-folder')
  attachmentFolder(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
  ): Promise<FolderDto> {
    return this.documents.attachmentFolder({ user, ip }, spaceId);
  }

  @Get('spaces/:spaceId/trash')
  trash(
    @CurrentUser() user: AuthUser,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TrashItemDto>> {
    return this.documents.listTrash(user, spaceId, query);
  }

  @Get('folders/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FolderDetailDto> {
    return this.documents.getFolder(user, id);
  }

  @Patch('folders/:id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateFolderDto,
  ): Promise<FolderDetailDto> {
    return this.documents.updateFolder({ user, ip }, id, body);
  }

  @Delete('folders/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.documents.deleteFolder({ user, ip }, id);
  }

  @Post('folders/:id/restore')
  restore(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<FolderDetailDto> {
    return this.documents.restoreFolder({ user, ip }, id);
  }

  @Get('folders/:id/documents')
  documentsOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DocumentSummaryDto>> {
    return this.documents.listDocuments(user, id, query);
  }

  @Post('folders/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  upload(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<DocumentDto> {
    return this.documents.upload({ user, ip }, id, multipartUpload(request, this.config.uploadMaxBytes), key);
  }
}
