import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@treffpunkt/contracts';
import { UserAuthStateCache } from '../../modules/users/user-auth-state.cache.js';
import { DomainError } from '../errors/domain-error.js';
import type { AccessTokenClaims, AuthUser } from './auth-user.js';

const expired = () => new DomainError(401, ErrorCode.SessionExpired, 'Your session has expired, please sign in again');

/**
 * The one check of an access token, for HTTP (the global guard) and sockets (the handshake):
 * signature and expiry, then the user's current status and token version, so disabling someone
 * or a password change takes effect at once.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UserAuthStateCache) private readonly states: UserAuthStateCache,
  ) {}

  async verify(token: string): Promise<AuthUser & { expiresAt: number }> {
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: number }>(token, { algorithms: ['HS256'] });
    } catch {
      throw expired();
    }
    const state = await this.states.get(claims.sub);
    if (!state || state.status !== 'active' || state.tokenVersion !== claims.tv) throw expired();
    return { id: claims.sub, role: state.role, organisationId: state.organisationId, expiresAt: (claims.exp ?? 0) * 1000 };
  }
}
