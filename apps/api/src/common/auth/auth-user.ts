import type { Role } from '@treffpunkt/contracts';

/** The authenticated caller, as every service sees it. */
export interface AuthUser {
  id: string;
  role: Role;
  organisationId: string;
}

/** Claims inside an access token. */
export interface AccessTokenClaims {
  sub: string;
  /** Token version: bumped to invalidate every token of a user at once. */
  tv: number;
}
