import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { DataExportDto, LatestDataExportResponse } from '@treffpunkt/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { contentDisposition } from '../documents/file-names.js';
import { EraseUserDto } from './dto/erase-user.dto.js';
import { PrivacyService } from './privacy.service.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('users')
export class PrivacyController {
  constructor(@Inject(PrivacyService) private readonly service: PrivacyService) {}

  /** Queues an export of the caller's data (202); while one is queued or running, answers that one. */
  @Post('me/export')
  @HttpCode(202)
  requestExport(@CurrentUser() user: AuthUser, @ClientIp() ip: string): Promise<DataExportDto> {
    return this.service.requestExport(user, ip);
  }

  /** The caller's latest export (`latest: null` when there is none yet). */
  @Get('me/export')
  latestExport(@CurrentUser() user: AuthUser): Promise<LatestDataExportResponse> {
    return this.service.latestExport(user);
  }

  @Get('me/export/:id/download')
  async download(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.service.download(user, id, ip);
    return reply
      .headers({
        'content-type': 'application/zip',
        'content-disposition': contentDisposition('attachment', file.fileName),
        'content-length': String(file.size),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
      })
      .send(file.stream);
  }

  /** GDPR erasure of a person (admin only; `confirm` must be their handle). */
  @Post(':id/erase')
  @HttpCode(204)
  @RequirePermission('users.erase')
  async erase(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EraseUserDto,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.service.erase(user, id, body.confirm, ip);
  }
}
