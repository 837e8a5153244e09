import { ROLES, type AdminUpdateUserRequest, type Role, type UserStatus } from '@treffpunkt/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AdminUpdateUserDto implements AdminUpdateUserRequest {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  /** Only disabling and enabling: erasure is its own use case and cannot be undone here. */
  @IsOptional()
  @IsIn(['active', 'disabled'] satisfies UserStatus[])
  status?: UserStatus;
}
