import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PgNotifier } from '../../database/pg-notifier.js';
import { UsersRepository, type UserAuthState } from './users.repository.js';

const CHANNEL = 'treffpunkt_user_auth';
/** Safety net if a notification is ever missed; invalidation is normally immediate. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

/**
 * Status, role and token version of users, checked on every request. Cached per instance and
 * invalidated on every instance through LISTEN/NOTIFY when a user changes.
 */
@Injectable()
export class UserAuthStateCache implements OnModuleInit {
  private readonly entries = new Map<string, { state: UserAuthState | null; at: number }>();

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PgNotifier) private readonly notifier: PgNotifier,
  ) {}

  onModuleInit(): void {
    this.notifier.subscribe(CHANNEL, (userId) => {
      if (userId === '*') this.entries.clear();
      else this.entries.delete(userId);
    });
  }

  async get(userId: string): Promise<UserAuthState | null> {
    const hit = this.entries.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.state;
    const state = await this.users.findAuthState(userId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(userId, { state, at: Date.now() });
    return state;
  }

  /** Call after the change committed. Drops the entry here at once and on other instances. */
  async invalidate(userId: string): Promise<void> {
    this.entries.delete(userId);
    await this.notifier.notify(CHANNEL, userId);
  }
}
