import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { Page, SpaceDto, SpaceMemberDto, SubscriptionLevel, UserSummary } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { AddSpaceMemberDto, CreateSpaceDto, SetSubscriptionDto, UpdateSpaceDto } from './dto/space.dto.js';
import { MentionableQueryDto } from './dto/mentionable.query.js';
import { SpacesService } from './spaces.service.js';

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('spaces')
export class SpacesController {
  constructor(@Inject(SpacesService) private readonly service: SpacesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Page<SpaceDto>> {
    return this.service.list(user);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSpaceDto, @ClientIp() ip: string): Promise<SpaceDto> {
    return this.service.create(user, body, ip);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SpaceDto> {
    return this.service.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSpaceDto,
    @ClientIp() ip: string,
  ): Promise<SpaceDto> {
    return this.service.update(user, id, body, ip);
  }

  @Get(':id/members')
  members(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Page<SpaceMemberDto>> {
    return this.service.members(user, id);
  }

  @Post(':id/members')
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddSpaceMemberDto,
    @ClientIp() ip: string,
  ): Promise<SpaceMemberDto> {
    return this.service.addMember(user, id, body, ip);
  }

  @Delete(':id/members/:memberId')
  @HttpCode(204)
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @ClientIp() ip: string,
  ): Promise<void> {
    return this.service.removeMember(user, id, memberId, ip);
  }

  @Put(':id/subscription')
  subscribe(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetSubscriptionDto,
  ): Promise<{ level: SubscriptionLevel }> {
    return this.service.setSubscription(user, id, body.level);
  }

  @Get(':id/mentionable')
  mentionable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MentionableQueryDto,
  ): Promise<UserSummary[]> {
    return this.service.mentionable(user, id, query.q ?? '');
  }
}
