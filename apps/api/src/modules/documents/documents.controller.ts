import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '../../common/openapi/decorators.js';
import type { DocumentDto, DocumentVersionDto } from '@treffpunkt/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import { DocumentsService } from './documents.service.js';
import { sendDownload } from './download-response.js';
import { DownloadQueryDto, UpdateDocumentDto } from './dto/documents.dto.js';
import { multipartUpload } from './multipart-upload.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto> {
    return this.documents.getDocument(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateDocumentDto,
  ): Promise<DocumentDto> {
    return this.documents.updateDocument({ user, ip }, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.documents.deleteDocument({ user, ip }, id);
  }

  @Post(':id/restore')
  restore(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto> {
    return this.documents.restoreDocument({ user, ip }, id);
  }

  @Get(':id/versions')
  versions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<{ items: DocumentVersionDto[] }> {
    return this.documents.listVersions(user, id);
  }

  @Post(':id/versions')
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  uploadVersion(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<DocumentDto> {
    return this.documents.uploadVersion({ user, ip }, id, multipartUpload(request, this.config.uploadMaxBytes), key);
  }

  @Post(':id/versions/:version/restore')
  restoreVersion(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<DocumentDto> {
    return this.documents.restoreVersion({ user, ip }, id, version);
  }

  @Get(':id/download')
  async download(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DownloadQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.documents.download(user, id, query.version, ip);
    return sendDownload(request, reply, file, query.inline === true);
  }
}
