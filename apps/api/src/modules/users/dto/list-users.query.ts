import { ROLES, USER_LIST_STATUSES, type Role, type UserListQuery, type UserListStatus } from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListUsersQueryDto extends PageQueryDto implements UserListQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  language?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(80)
  expertise?: string;

  /** Admins only, except `active` (the default). */
  @IsOptional()
  @IsIn(USER_LIST_STATUSES)
  status?: UserListStatus;
}
