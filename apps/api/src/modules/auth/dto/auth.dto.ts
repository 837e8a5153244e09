import {
  PASSWORD_MIN_LENGTH,
  type ChangePasswordRequest,
  type LoginRequest,
  type PasswordResetCompleteRequest,
  type PasswordResetRequest,
} from '@treffpunkt/contracts';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  newPassword!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetCompleteDto implements PasswordResetCompleteRequest {
  @IsString()
  @Length(20, 100)
  token!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  password!: string;
}
