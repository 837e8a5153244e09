import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { InvitationDto, InvitationPreview, LoginResponse, Page } from '@treffpunkt/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, Public, RequirePermission } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { setRefreshCookie } from '../auth/refresh-cookie.js';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InvitationsService) private readonly service: InvitationsService,
  ) {}

  @ApiBearerAuth()
  @Post()
  @RequirePermission('users.invite')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInvitationDto, @ClientIp() ip: string): Promise<InvitationDto> {
    return this.service.create(user, body, ip);
  }

  @ApiBearerAuth()
  @Get()
  @RequirePermission('users.invite')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<InvitationDto>> {
    return this.service.list(user, query);
  }

  @ApiBearerAuth()
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('users.invite')
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @ClientIp() ip: string): Promise<void> {
    return this.service.revoke(user, id, ip);
  }

  @ApiBearerAuth()
  @Post(':id/resend')
  @HttpCode(200)
  @RequirePermission('users.invite')
  resend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @ClientIp() ip: string): Promise<InvitationDto> {
    return this.service.resend(user, id, ip);
  }

  @Public()
  @Get(':token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.service.preview(token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.service.accept(token, body.displayName, body.password, ip);
    setRefreshCookie(reply, this.config, result.refreshToken, result.refreshExpiresAt);
    return result.response;
  }
}
