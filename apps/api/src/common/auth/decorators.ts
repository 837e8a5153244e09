import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@treffpunkt/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'treffpunkt:isPublic';
export const REQUIRED_PERMISSION = 'treffpunkt:permission';

/** Opts a route out of the global access-token check. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Requires a role permission from libs/contracts (403 otherwise). */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_PERMISSION, permission);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});

/** Client IP, honouring X-Forwarded-For only when TRUST_PROXY is set (Fastify's trustProxy). */
export const ClientIp = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().ip;
});
