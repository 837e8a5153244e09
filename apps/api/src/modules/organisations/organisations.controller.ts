import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { OrganisationListItemDto, OrganisationProfileDto, Page } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { ListOrganisationsQueryDto } from './dto/list-organisations.query.js';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(@Inject(OrganisationsService) private readonly service: OrganisationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListOrganisationsQueryDto): Promise<Page<OrganisationListItemDto>> {
    return this.service.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Body() body: CreateOrganisationDto): Promise<OrganisationProfileDto> {
    return this.service.create({ user, ip }, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationProfileDto> {
    return this.service.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationProfileDto> {
    return this.service.update({ user, ip }, id, body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  archive(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationProfileDto> {
    return this.service.setArchived({ user, ip }, id, true);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  unarchive(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OrganisationProfileDto> {
    return this.service.setArchived({ user, ip }, id, false);
  }
}
