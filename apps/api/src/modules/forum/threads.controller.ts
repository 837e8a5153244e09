import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '../../common/openapi/decorators.js';
import type { CreateThreadResponse, DraftDto, Page, SubscriptionLevel, ThreadDto, ThreadSummaryDto } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { CreateThreadDto, LegalHoldDto, MarkReadDto, SaveDraftDto, SetThreadSubscriptionDto, UpdateThreadDto } from './dto/forum.dto.js';
import { ForumService } from './forum.service.js';

@ApiTags('forum')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(@Inject(ForumService) private readonly forum: ForumService) {}

  @Get('spaces/:spaceId/threads')
  list(
    @CurrentUser() user: AuthUser,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ThreadSummaryDto>> {
    return this.forum.listThreads(user, spaceId, query);
  }

  @Post('spaces/:spaceId/threads')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
    @Body() body: CreateThreadDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CreateThreadResponse> {
    return this.forum.createThread({ user, ip }, spaceId, body, key);
  }

  @Get('spaces/:spaceId/draft')
  spaceDraft(@CurrentUser() user: AuthUser, @Param('spaceId', ParseUUIDPipe) spaceId: string): Promise<DraftDto> {
    return this.forum.getDraft(user, { spaceId });
  }

  @Put('spaces/:spaceId/draft')
  saveSpaceDraft(
    @CurrentUser() user: AuthUser,
    @Param('spaceId', ParseUUIDPipe) spaceId: string,
    @Body() body: SaveDraftDto,
  ): Promise<DraftDto> {
    return this.forum.saveDraft(user, { spaceId }, body);
  }

  @Delete('spaces/:spaceId/draft')
  @HttpCode(204)
  deleteSpaceDraft(@CurrentUser() user: AuthUser, @Param('spaceId', ParseUUIDPipe) spaceId: string): Promise<void> {
    return this.forum.deleteDraft(user, { spaceId });
  }

  @Get('threads/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadDto> {
    return this.forum.getThread(user, id);
  }

  @Patch('threads/:id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateThreadDto,
  ): Promise<ThreadDto> {
    return this.forum.updateThread({ user, ip }, id, body);
  }

  @Delete('threads/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.forum.deleteThread({ user, ip }, id);
  }

  @Put('threads/:id/legal-hold')
  legalHold(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LegalHoldDto,
  ): Promise<ThreadDto> {
    return this.forum.setLegalHold({ user, ip }, id, body.reason);
  }

  @Put('threads/:id/subscription')
  subscribe(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetThreadSubscriptionDto,
  ): Promise<{ level: SubscriptionLevel }> {
    return this.forum.setThreadSubscription(user, id, body.level);
  }

  @Post('threads/:id/read')
  @HttpCode(204)
  read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: MarkReadDto): Promise<void> {
    return this.forum.markRead(user, id, body.seq);
  }

  @Get('threads/:id/draft')
  threadDraft(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DraftDto> {
    return this.forum.getDraft(user, { threadId: id });
  }

  @Put('threads/:id/draft')
  saveThreadDraft(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: SaveDraftDto): Promise<DraftDto> {
    return this.forum.saveDraft(user, { threadId: id }, body);
  }

  @Delete('threads/:id/draft')
  @HttpCode(204)
  deleteThreadDraft(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.forum.deleteDraft(user, { threadId: id });
  }
}
