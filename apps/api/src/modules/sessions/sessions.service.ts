import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { AccessTokenClaims } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import type { RefreshToken } from './entities/refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Access tokens (short-lived JWT) and rotating refresh-token families (opaque, stored hashed). */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(RefreshTokensRepository) private readonly tokens: RefreshTokensRepository,
  ) {}

  /** Starts a new family, or continues `familyId` on rotation. */
  async issue(
    user: { id: string; tokenVersion: number },
    familyId: string = randomUUID(),
    manager?: EntityManager,
  ): Promise<IssuedSession> {
    const refreshToken = newSecretToken();
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    await this.tokens.insert({ userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt }, manager);
    const claims: AccessTokenClaims = { sub: user.id, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds, refreshToken, refreshExpiresAt };
  }

  findRefreshToken(raw: string, manager?: EntityManager): Promise<RefreshToken | null> {
    return this.tokens.findByHash(sha256(raw), manager);
  }

  markUsed(id: string, manager?: EntityManager): Promise<boolean> {
    return this.tokens.markUsed(id, manager);
  }

  revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    return this.tokens.revokeFamily(familyId, manager);
  }

  revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    return this.tokens.revokeAllForUser(userId, manager);
  }
}
