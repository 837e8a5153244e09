import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServerToClientEvents } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AccessService } from '../access/access.service.js';
import { spaceRoom, threadRoom, userRoom, type Delivery, type RealtimeServer } from './realtime.types.js';

type EventArgs<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;

/**
 * Upper bound of one relayed message (characters of its packed deliveries). PostgreSQL refuses
 * NOTIFY payloads of 8,000 bytes and more; the adapter would then need its attachment table, which
 * we do not keep.
 */
export const RELAY_MAX_CHARS = 7500;
/** Unpacking stops here (a relayed batch is a few hundred kB at most). */
const RELAY_MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

/**
 * Deliveries as few relayed messages as fit, in order: the JSON deflated and base64-encoded (the
 * messages of one batch repeat most of their text, e.g. one notification for 50 people, so a batch
 * usually packs into one message). A batch that does not fit is split in halves; a single delivery
 * too big for a message goes alone (and will not reach the other instances).
 */
export function packDeliveries(deliveries: Delivery[], maxChars = RELAY_MAX_CHARS): string[] {
  if (deliveries.length === 0) return [];
  const packed = deflateRawSync(JSON.stringify(deliveries)).toString('base64');
  if (packed.length <= maxChars || deliveries.length === 1) return [packed];
  const half = Math.ceil(deliveries.length / 2);
  return [...packDeliveries(deliveries.slice(0, half), maxChars), ...packDeliveries(deliveries.slice(half), maxChars)];
}

export function unpackDeliveries(packed: string): Delivery[] {
  const json = inflateRawSync(Buffer.from(packed, 'base64'), { maxOutputLength: RELAY_MAX_UNPACKED_BYTES }).toString('utf8');
  const deliveries: unknown = JSON.parse(json);
  if (!Array.isArray(deliveries)) throw new Error('relayed socket messages: not a list');
  return deliveries as Delivery[];
}

/**
 * The only way the rest of the API talks to sockets (like a repository): services never see
 * sockets. Works across instances through the Postgres adapter; a no-op where no socket server
 * runs (jobs, integration tests).
 *
 * Messages go to this instance's sockets at once; the other instances get them relayed as one
 * server-side message per batch (one NOTIFY, packed, not one per message),
 * each delivering to its own sockets. A broadcast through the adapter would wait for its NOTIFY
 * before reaching even the local sockets.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger('Realtime');
  private server: RealtimeServer | null = null;

  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    server.on('user:disconnect', (userId, revoked) => this.disconnectLocal(userId, revoked));
    server.on('realtime:deliver', (packed) => {
      try {
        this.deliverLocal(unpackDeliveries(packed));
      } catch (error) {
        this.logger.warn({ err: error }, 'relayed socket messages could not be read');
      }
    });
  }

  toUsers<E extends keyof ServerToClientEvents>(userIds: string[], event: E, ...args: EventArgs<E>): void {
    if (userIds.length === 0) return;
    void this.deliver([{ rooms: userIds.map(userRoom), event, args } as Delivery]);
  }

  toThread<E extends keyof ServerToClientEvents>(threadId: string, event: E, ...args: EventArgs<E>): void {
    void this.deliver([{ rooms: [threadRoom(threadId)], event, args } as Delivery]);
  }

  /** A message for one person (every socket of theirs), to hand to `deliver` with others. */
  static toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: EventArgs<E>): Delivery {
    return { rooms: [userRoom(userId)], event, args } as Delivery;
  }

  /**
   * Several messages at once, in this order: to this instance's sockets now, to the other
   * instances' sockets through as few relayed messages as fit (sent one after another, so they
   * arrive in order). Resolves when the relay is sent; failures are logged, never thrown.
   */
  async deliver(deliveries: Delivery[]): Promise<void> {
    const server = this.server;
    if (!server || deliveries.length === 0) return;
    this.deliverLocal(deliveries);
    // the adapter's own calls (the server's returns before the NOTIFY is sent): awaiting it keeps the messages in order
    // Always relayed, even when the adapter knows of no other instance: its list is built from
    // heartbeats, and one sent before the other instance was listening is missed for a whole
    // heartbeat interval (two instances starting together), which would lose live messages.
    const adapter = server.of('/').adapter as unknown as {
      serverSideEmit(packet: unknown[]): Promise<void> | void;
    };
    for (const packed of packDeliveries(deliveries)) {
      try {
        await adapter.serverSideEmit(['realtime:deliver', packed]);
      } catch (error) {
        this.logger.warn({ err: error }, 'relaying socket messages to the other instances failed');
      }
    }
  }

  private deliverLocal(deliveries: Delivery[]): void {
    if (!this.server) return;
    for (const { rooms, event, args } of deliveries) {
      (this.server.local.to(rooms).emit as (event: string, ...args: unknown[]) => boolean)(event, ...args);
    }
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
    // through the adapter's own call, awaited: the instance holding the socket is told (one NOTIFY)
    // before anything later is relayed, so no message sent after this reaches the socket
    const adapter = this.server.of('/').adapter as unknown as {
      delSockets(opts: { rooms: Set<string>; except: Set<string>; flags?: object }, rooms: string[]): Promise<void> | void;
    };
    for (const socket of sockets) {
      if (allowed.has(socket.data.user.id)) continue;
      const rooms = Object.entries(socket.data.threads)
        .filter(([, space]) => space === spaceId)
        .map(([thread]) => threadRoom(thread));
      await adapter.delSockets({ rooms: new Set([socket.id]), except: new Set(), flags: {} }, [spaceRoom(spaceId), ...rooms]);
      this.logger.debug({ userId: socket.data.user.id, spaceId }, 'removed from rooms after losing access');
    }
  }
}
