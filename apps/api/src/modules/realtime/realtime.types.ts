import type { ClientToServerEvents, ServerToClientEvents } from '@treffpunkt/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../../common/auth/auth-user.js';

export interface SocketData {
  user: AuthUser;
  /** Joined threads → their space (to re-check access when a space changes). */
  threads: Record<string, string>;
}

/** One socket message for everyone in `rooms` (a socket in several of them gets it once). */
export type Delivery = {
  [E in keyof ServerToClientEvents]: { rooms: string[]; event: E; args: Parameters<ServerToClientEvents[E]> };
}[keyof ServerToClientEvents];

/** Between API instances (through the adapter). */
export interface InterServerEvents {
  /** End every socket of the person on this instance (`revoked`: tell them first). */
  'user:disconnect': (userId: string, revoked: boolean) => void;
  /** Socket messages for the sockets of this instance, in order (the sender delivered its own): `Delivery[]`, packed. */
  'realtime:deliver': (packed: string) => void;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const userRoom = (userId: string): string => `user:${userId}`;
export const threadRoom = (threadId: string): string => `thread:${threadId}`;
export const spaceRoom = (spaceId: string): string => `space:${spaceId}`;
