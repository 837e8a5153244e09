import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ErrorCode } from '@treffpunkt/contracts';
import { DomainError } from '../../common/errors/domain-error.js';
import { LoginAttemptsRepository, type FailureWindow } from './login-attempts.repository.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed attempts for one account from one IP before that IP is paused for that account. */
export const MAX_FAILURES_PER_ACCOUNT_AND_IP = 10;
/** Failed attempts from one IP across all accounts (password spraying). */
export const MAX_FAILURES_PER_IP = 100;

/**
 * Throttles guessing without letting an attacker lock the owner out: the pause applies to the
 * (account, IP) pair, so the real owner on another IP still gets in. Shared across instances
 * because the counts live in PostgreSQL.
 */
@Injectable()
export class LoginThrottleService implements OnModuleInit, OnApplicationShutdown {
  private cleanup: NodeJS.Timeout | null = null;

  constructor(@Inject(LoginAttemptsRepository) private readonly attempts: LoginAttemptsRepository) {}

  onModuleInit(): void {
    this.cleanup = setInterval(
      () => void this.attempts.deleteOlderThan(new Date(Date.now() - LOGIN_WINDOW_MS)).catch(() => undefined),
      10 * 60_000,
    );
    this.cleanup.unref();
  }

  onApplicationShutdown(): void {
    if (this.cleanup) clearInterval(this.cleanup);
  }

  /** Throws 429 with Retry-After when this IP must wait before trying this account again. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const now = Date.now();
    const { account, ip: fromIp } = await this.attempts.failuresSince(email, ip, new Date(now - LOGIN_WINDOW_MS));
    const blocked = (w: FailureWindow, max: number) => w.count >= max && w.oldest !== null;
    const window = blocked(account, MAX_FAILURES_PER_ACCOUNT_AND_IP) ? account : blocked(fromIp, MAX_FAILURES_PER_IP) ? fromIp : null;
    if (window?.oldest) {
      const retryAfter = Math.max(1, Math.ceil((window.oldest.getTime() + LOGIN_WINDOW_MS - now) / 1000));
      throw new DomainError(429, ErrorCode.TooManyRequests, 'Too many failed sign-in attempts. Please wait before trying again.', {
        'Retry-After': String(retryAfter),
      });
    }
  }

  recordFailure(email: string, ip: string): Promise<void> {
    return this.attempts.recordFailure(email, ip);
  }

  recordSuccess(email: string, ip: string): Promise<void> {
    return this.attempts.clear(email, ip);
  }
}
