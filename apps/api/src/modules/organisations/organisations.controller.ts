import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrganisationDto, OrganisationSummary, Page } from '@treffpunkt/contracts';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(@Inject(OrganisationsService) private readonly service: OrganisationsService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<OrganisationSummary>> {
    return this.service.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.service.get(id);
  }
}
