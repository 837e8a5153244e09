import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, WebPaths, type LoginResponse } from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { inTransaction } from '../../database/transaction.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService } from '../mail/mail.service.js';
import { emailHash } from '../privacy/email-hash.js';
import { newSecretToken, sha256, SessionsService } from '../sessions/sessions.service.js';
import { UserAuthStateCache } from '../users/user-auth-state.cache.js';
import { toUserDto } from '../users/users.mapper.js';
import { UsersRepository } from '../users/users.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';

export interface AuthResult {
  response: LoginResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const RESET_TTL_MS = 60 * 60_000;

const invalidCredentials = () => new DomainError(401, ErrorCode.InvalidCredentials, 'E-mail address or password is not correct');
const sessionExpired = () => new DomainError(401, ErrorCode.SessionExpired, 'Your session has expired, please sign in again');

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(LoginThrottleService) private readonly throttle: LoginThrottleService,
    @Inject(PasswordResetTokensRepository) private readonly resetTokens: PasswordResetTokensRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(UserAuthStateCache) private readonly authStates: UserAuthStateCache,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  /** Audit details never carry the address itself (the log is append-only), only its keyed hash. */
  private emailHash(email: string): string {
    return emailHash(email, this.config.jwtSecret);
  }

  async login(emailInput: string, password: string, ip: string): Promise<AuthResult> {
    const email = emailInput.trim().toLowerCase();
    try {
      await this.throttle.assertAllowed(email, ip);
    } catch (error) {
      await this.audit.record({ actorId: null, action: 'auth.login_throttled', ip, details: { emailHash: this.emailHash(email) } });
      throw error;
    }
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || user.status !== 'active') {
      await this.throttle.recordFailure(email, ip);
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: user ? 'user' : undefined,
        entityId: user?.id,
        ip,
        details: { emailHash: this.emailHash(email), reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'disabled' },
      });
      if (user && valid) throw new DomainError(401, ErrorCode.AccountDisabled, 'This account has been disabled');
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email, ip);
    return inTransaction(this.dataSource, async (manager) => {
      await this.users.update(user.id, { lastLoginAt: new Date() }, manager);
      await this.audit.record({ actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, ip }, manager);
      return this.startSession(user.id, undefined, manager);
    });
  }

  /** Rotates the refresh token. Replaying a used token revokes its whole family. */
  async refresh(rawToken: string | undefined, ip: string): Promise<AuthResult> {
    if (!rawToken) throw sessionExpired();
    const token = await this.sessions.findRefreshToken(rawToken);
    if (!token) throw sessionExpired();
    if (token.usedAt || token.revokedAt) {
      if (token.usedAt && !token.revokedAt) {
        await inTransaction(this.dataSource, async (manager) => {
          await this.sessions.revokeFamily(token.familyId, manager);
          await this.audit.record(
            {
              actorId: token.userId,
              action: 'auth.refresh_reuse',
              entityType: 'user',
              entityId: token.userId,
              ip,
              details: { family: token.familyId },
            },
            manager,
          );
        });
        throw new DomainError(401, ErrorCode.RefreshTokenReused, 'This session was ended for your safety, please sign in again');
      }
      throw sessionExpired();
    }
    if (token.expiresAt.getTime() <= Date.now()) throw sessionExpired();
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await this.sessions.markUsed(token.id, manager))) {
        // lost a race with another request using the same token: treat as replay
        await this.sessions.revokeFamily(token.familyId, manager);
        throw new DomainError(401, ErrorCode.RefreshTokenReused, 'This session was ended for your safety, please sign in again');
      }
      const state = await this.users.findAuthState(token.userId);
      if (!state || state.status !== 'active') throw sessionExpired();
      return this.startSession(token.userId, token.familyId, manager);
    });
  }

  async logout(rawToken: string | undefined, ip: string): Promise<void> {
    if (!rawToken) return;
    const token = await this.sessions.findRefreshToken(rawToken);
    if (!token) return;
    await inTransaction(this.dataSource, async (manager) => {
      await this.sessions.revokeFamily(token.familyId, manager);
      await this.audit.record({ actorId: token.userId, action: 'auth.logout', entityType: 'user', entityId: token.userId, ip }, manager);
    });
  }

  /** Ends every other session (and access token) and starts a fresh one for this client. */
  async changePassword(actor: AuthUser, currentPassword: string, newPassword: string, ip: string): Promise<AuthResult> {
    const user = await this.users.findWithOrganisation(actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainError(400, ErrorCode.WrongPassword, 'The current password is not correct');
    }
    const passwordHash = await hashPassword(newPassword);
    const result = await inTransaction(this.dataSource, async (manager) => {
      await this.users.update(actor.id, { passwordHash }, manager);
      await this.users.bumpTokenVersion(actor.id, manager);
      await this.sessions.revokeAllForUser(actor.id, manager);
      await this.audit.record({ actorId: actor.id, action: 'auth.password_change', entityType: 'user', entityId: actor.id, ip }, manager);
      return this.startSession(actor.id, undefined, manager);
    });
    await this.authStates.invalidate(actor.id);
    await this.events.emitAndWait('user.sessions_revoked', { userId: actor.id });
    return result;
  }

  /** Always succeeds from the caller's view: no account oracle. */
  async requestPasswordReset(emailInput: string, ip: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findByEmail(email);
    if (!user || user.status !== 'active') {
      await this.audit.record({
        actorId: null,
        action: 'auth.password_reset_request',
        ip,
        details: { emailHash: this.emailHash(email), known: false },
      });
      return;
    }
    const token = newSecretToken();
    await inTransaction(this.dataSource, async (manager) => {
      await this.resetTokens.invalidateOpen(user.id, manager);
      await this.resetTokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) }, manager);
      await this.mail.enqueue(
        {
          to: user.email,
          subject: 'Treffpunkt: Passwort zurücksetzen / Reset your password',
          text: [
            `Guten Tag ${user.displayName},`,
            '',
            'Sie haben angefordert, Ihr Passwort für Treffpunkt zurückzusetzen. Der Link ist eine Stunde gültig:',
            `${this.config.publicUrl}${WebPaths.passwordReset(token)}`,
            '',
            'Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren.',
          ].join('\n'),
        },
        manager,
      );
      await this.audit.record(
        { actorId: user.id, action: 'auth.password_reset_request', entityType: 'user', entityId: user.id, ip, details: { known: true } },
        manager,
      );
    });
    this.mail.kick();
  }

  async completePasswordReset(rawToken: string, password: string, ip: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await inTransaction(this.dataSource, async (manager: EntityManager) => {
      const token = await this.resetTokens.findByHashForUpdate(sha256(rawToken), manager);
      if (!token || token.usedAt || token.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(400, ErrorCode.ResetTokenInvalid, 'This reset link is invalid or has expired. Please request a new one.');
      }
      await this.resetTokens.markUsed(token.id, manager);
      await this.users.update(token.userId, { passwordHash }, manager);
      await this.users.bumpTokenVersion(token.userId, manager);
      await this.sessions.revokeAllForUser(token.userId, manager);
      await this.audit.record(
        { actorId: token.userId, action: 'auth.password_reset', entityType: 'user', entityId: token.userId, ip },
        manager,
      );
      return token.userId;
    });
    await this.authStates.invalidate(userId);
    await this.events.emitAndWait('user.sessions_revoked', { userId });
  }

  /** Issues tokens for a user (login, refresh, invitation acceptance). */
  async startSession(userId: string, familyId: string | undefined, manager: EntityManager): Promise<AuthResult> {
    const user = await this.users.findWithOrganisation(userId, manager);
    if (!user) throw sessionExpired();
    const issued = await this.sessions.issue(user, familyId, manager);
    return {
      response: { accessToken: issued.accessToken, expiresIn: issued.expiresIn, user: toUserDto(user) },
      refreshToken: issued.refreshToken,
      refreshExpiresAt: issued.refreshExpiresAt,
    };
  }
}
