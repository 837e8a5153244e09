import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '../../common/openapi/decorators.js';
import type { AdminSpaceDto, AuditEntryDto, Page } from '@treffpunkt/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { AdminService } from './admin.service.js';
import { AuditLogQueryDto } from './dto/audit-log.query.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(@Inject(AdminService) private readonly service: AdminService) {}

  @Get('audit-log')
  @RequirePermission('audit.read')
  auditLog(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    return this.service.auditLog(query);
  }

  @Get('audit-log.csv')
  @RequirePermission('audit.read')
  @ApiProduces('text/csv')
  auditLogCsv(@Query() query: AuditLogQueryDto, @Res() reply: FastifyReply): FastifyReply {
    const csv = this.service.auditLogCsv(query);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .headers({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="protokoll-${day}.csv"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(csv);
  }

  @Get('spaces')
  @RequirePermission('spaces.manage')
  spaces(@CurrentUser() user: AuthUser): Promise<Page<AdminSpaceDto>> {
    return this.service.spaces(user);
  }
}
