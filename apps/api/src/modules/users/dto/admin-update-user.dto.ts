import { ROLES, USER_STATUSES, type AdminUpdateUserRequest, type Role, type UserStatus } from '@treffpunkt/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AdminUpdateUserDto implements AdminUpdateUserRequest {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}
