import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '@treffpunkt/contracts';
import { io, type Socket } from 'socket.io-client';

/** The typed socket.io connection to the API (same origin, same access token as REST). */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Creates a socket that is not connected yet: the caller attaches its listeners, then calls
 * `connect()`. Tests inject a fake through the RealtimeProvider instead of opening sockets.
 */
export type SocketFactory = (token: string) => RealtimeSocket;

/** The handshake refused the token (expired or revoked): refresh it and connect again. */
export const UNAUTHENTICATED_MESSAGE = 'UNAUTHENTICATED';

export const createSocket: SocketFactory = (token) =>
  io({
    path: SOCKET_PATH,
    auth: { token },
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
