import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '../../common/openapi/decorators.js';
import type { ConsultationDto, ConsultationOptionsDto, ConsultationStatsDto, Page } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import {
  ConsultationListQueryDto,
  ConsultationStatsQueryDto,
  CreateConsultationDto,
  UpdateConsultationDto,
} from './dto/consultation.dto.js';
import { StatisticsService } from './statistics.service.js';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('consultations')
@RequirePermission('statistics.record')
export class StatisticsController {
  constructor(@Inject(StatisticsService) private readonly statistics: StatisticsService) {}

  @Get('stats')
  @RequirePermission('statistics.view')
  stats(@CurrentUser() user: AuthUser, @Query() query: ConsultationStatsQueryDto): Promise<ConsultationStatsDto> {
    return this.statistics.stats(user, query);
  }

  @Get('options')
  options(@CurrentUser() user: AuthUser): Promise<ConsultationOptionsDto> {
    return this.statistics.options(user);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ConsultationListQueryDto): Promise<Page<ConsultationDto>> {
    return this.statistics.list(user, query);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Body() body: CreateConsultationDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<ConsultationDto> {
    return this.statistics.create({ user, ip }, body, key);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ConsultationDto> {
    return this.statistics.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateConsultationDto,
  ): Promise<ConsultationDto> {
    return this.statistics.update({ user, ip }, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.statistics.remove({ user, ip }, id);
  }
}
