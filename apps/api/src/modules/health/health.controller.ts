import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '../../common/openapi/decorators.js';
import { ErrorCode, type HealthResponse } from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators.js';
import { DomainError } from '../../common/errors/domain-error.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  live(): HealthResponse {
    return { status: 'ok' };
  }

  /** Readiness: the database answers (503 while it does not). */
  @Get('ready')
  async ready(): Promise<HealthResponse> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok', database: 'up' };
    } catch {
      throw new DomainError(503, ErrorCode.ServiceUnavailable, 'The database is not reachable', { 'Retry-After': '5' });
    }
  }
}
