import type { UserDto } from './users.js';

export interface LoginRequest {
  email: string;
  password: string;
}

/** Returned by login, refresh and invitation acceptance. The refresh token travels only as an httpOnly cookie. */
export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserDto;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetCompleteRequest {
  token: string;
  password: string;
}

/** Name of the refresh cookie (httpOnly, SameSite=Strict, Path=/api/auth). */
export const REFRESH_COOKIE = 'tp_refresh';

/** `POST /api/auth/password` ends every session and answers with a fresh one for this client. */
export type ChangePasswordResponse = LoginResponse;
