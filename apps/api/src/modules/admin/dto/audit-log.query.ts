import type { AuditLogQuery } from '@treffpunkt/contracts';
import { IsISO8601, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

/** Filters of the audit log viewer and its CSV export. */
export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @IsOptional()
  @IsUUID()
  actor?: string;

  /** `user.disable`, or a prefix ending in a dot such as `invitation.`. */
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, { message: 'action must look like "user.disable" or "user."' })
  action?: string;

  @IsOptional()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'entityType must look like "user"' })
  entityType?: string;

  @IsOptional()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'entityId contains characters no entity id has' })
  entityId?: string;

  /** A plain date (that day in Europe/Berlin) or an instant. */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  /** A plain date (up to the end of that day in Europe/Berlin) or an instant (exclusive). */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;
}
