import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@treffpunkt/contracts';
import { forbidden, unauthenticated } from '../errors/domain-error.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import { IS_PUBLIC, REQUIRED_PERMISSION, type AuthenticatedRequest } from './decorators.js';

/** Global guard: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // sockets are authenticated once, at the handshake (RealtimeGateway)
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthenticated();
    const { expiresAt: _expiresAt, ...user } = await this.verifier.verify(header.slice(7));
    request.user = user;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !hasPermission(user.role, permission)) throw forbidden();
    return true;
  }
}
