import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServerToClientEvents } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AccessService } from '../access/access.service.js';
import { spaceRoom, threadRoom, userRoom, type RealtimeServer } from './realtime.types.js';

type EventArgs<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;

/**
 * The only way the rest of the API talks to sockets (like a repository): services never see
 * sockets. Works across instances through the Postgres adapter; a no-op where no socket server
 * runs (jobs, integration tests).
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger('Realtime');
  private server: RealtimeServer | null = null;

  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    server.on('user:disconnect', (userId, revoked) => this.disconnectLocal(userId, revoked));
  }

  toUsers<E extends keyof ServerToClientEvents>(userIds: string[], event: E, ...args: EventArgs<E>): void {
    if (!this.server || userIds.length === 0) return;
    this.server.to(userIds.map(userRoom)).emit(event, ...args);
  }

  toThread<E extends keyof ServerToClientEvents>(threadId: string, event: E, ...args: EventArgs<E>): void {
    this.server?.to(threadRoom(threadId)).emit(event, ...args);
  }

  /** Ends every socket of the person; with `revoked` they are told their session ended. */
  disconnectUser(userId: string, revoked: boolean): void {
    if (!this.server) return;
    this.disconnectLocal(userId, revoked);
    this.server.serverSideEmit('user:disconnect', userId, revoked);
  }

  /**
   * Here, in this order. Through the adapter, a broadcast waits for its NOTIFY while a disconnect
   * does not wait for the broadcast: sockets were closed before they were told. Each instance
   * therefore tells and closes its own sockets (`serverSideEmit` reaches the others).
   */
  private disconnectLocal(userId: string, revoked: boolean): void {
    if (!this.server) return;
    if (revoked) this.server.local.to(userRoom(userId)).emit('session:revoked');
    this.server.local.in(userRoom(userId)).disconnectSockets(true);
  }

  /** Re-checks everyone in the space's thread rooms; whoever lost access leaves them at once. */
  async revalidateSpace(spaceId: string): Promise<void> {
    if (!this.server) return;
    const sockets = await this.server.in(spaceRoom(spaceId)).fetchSockets();
    const byUser = new Map<string, AuthUser>();
    for (const socket of sockets) byUser.set(socket.data.user.id, socket.data.user);
    const allowed = new Set<string>();
    for (const user of byUser.values()) {
      if ((await this.access.spaces(user, [spaceId])).has(spaceId)) allowed.add(user.id);
    }
    for (const socket of sockets) {
      if (allowed.has(socket.data.user.id)) continue;
      const rooms = Object.entries(socket.data.threads)
        .filter(([, space]) => space === spaceId)
        .map(([thread]) => threadRoom(thread));
      socket.leave(spaceRoom(spaceId));
      for (const room of rooms) socket.leave(room);
      this.logger.debug({ userId: socket.data.user.id, spaceId }, 'removed from rooms after losing access');
    }
  }
}
