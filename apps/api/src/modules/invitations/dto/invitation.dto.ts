import { PASSWORD_MIN_LENGTH, ROLES, type AcceptInvitationRequest, type CreateInvitationRequest, type Role } from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateInvitationDto implements CreateInvitationRequest {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsUUID()
  organisationId!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 120)
  displayName!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  password!: string;
}
