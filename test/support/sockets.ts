import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '@treffpunkt/contracts';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;
type EventArgs<E extends EventName> = Parameters<ServerToClientEvents[E]>;

/** Every socket opened through these helpers, so a file can close them all in afterAll. */
const opened = new Set<ClientSocket>();

/** A socket.io client as the SPA opens it (no automatic reconnection: tests reconnect on purpose). */
export function socketFor(baseUrl: string, token: unknown): ClientSocket {
  const socket: ClientSocket = io(baseUrl, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  opened.add(socket);
  return socket;
}

/** Connects and resolves once the handshake was accepted; rejects with the connect_error. */
export async function connect(baseUrl: string, token: unknown): Promise<ClientSocket> {
  const socket = socketFor(baseUrl, token);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** Expects the handshake to be refused; resolves with the error message the server gave. */
export async function connectRefused(baseUrl: string, token: unknown, timeoutMs = 5000): Promise<string> {
  const socket = socketFor(baseUrl, token);
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('neither connect nor connect_error within the timeout')), timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        reject(new Error('the handshake was accepted'));
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        resolve(error.message);
      });
    });
  } finally {
    close(socket);
  }
}

export function close(socket: ClientSocket): void {
  socket.removeAllListeners();
  socket.offAny();
  socket.disconnect();
  opened.delete(socket);
}

export function closeAll(): void {
  for (const socket of [...opened]) close(socket);
}

/** The next `event` (matching `filter`, if given) within `timeoutMs`. */
export function nextEvent<E extends EventName>(
  socket: ClientSocket,
  event: E,
  options: { timeoutMs?: number; filter?: (...args: EventArgs<E>) => boolean } = {},
): Promise<EventArgs<E>> {
  const { timeoutMs = 5000, filter } = options;
  return new Promise((resolve, reject) => {
    const handler = (...args: unknown[]) => {
      if (filter && !filter(...(args as EventArgs<E>))) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(args as EventArgs<E>);
    };
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no "${String(event)}" within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, handler as never);
  });
}

/** Resolves with the reason once the socket is disconnected (rejects after `timeoutMs`). */
export function disconnected(socket: ClientSocket, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export interface Recorded {
  event: string;
  args: unknown[];
}

/** Records every event the socket receives (`onAny`), from now on. */
export function record(socket: ClientSocket): { events: Recorded[]; of: (event: EventName) => unknown[][]; clear: () => void } {
  const events: Recorded[] = [];
  socket.onAny((event: string, ...args: unknown[]) => events.push({ event, args }));
  return {
    events,
    of: (event) => events.filter((e) => e.event === event).map((e) => e.args),
    clear: () => {
      events.length = 0;
    },
  };
}

/** `thread:join` with its acknowledgement. */
export async function joinThread(socket: ClientSocket, payload: unknown, timeoutMs = 5000): Promise<JoinAck> {
  const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<JoinAck> };
  return timed.emitWithAck('thread:join', payload);
}

/** Waits until `check` holds (polling), e.g. for a row a background job writes. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A short quiet period: long enough for an event that was going to be delivered to arrive. */
export const quiet = (ms = 250): Promise<void> => new Promise((r) => setTimeout(r, ms));
