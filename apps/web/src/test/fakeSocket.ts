import type { JoinAck } from '@treffpunkt/contracts';
import { act } from '@testing-library/react';
import type { RealtimeSocket, SocketFactory } from '../api/realtime';

type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for the socket.io client socket: records what the app emits and lets a test play
 * the server (accept / refuse the handshake, drop the connection, push events). Never opens a socket.
 */
export class FakeSocket {
  auth: { token: string };
  connected = false;
  active = false;
  connectCalls = 0;
  readonly emitted: { event: string; args: unknown[] }[] = [];
  /** How the "server" answers `thread:join`. */
  joinAck: (threadId: string) => JoinAck = () => ({ ok: true });
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(token: string) {
    this.auth = { token };
  }

  on(event: string, handler: Handler): this {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(event, set);
    return this;
  }

  off(event?: string, handler?: Handler): this {
    if (event === undefined) this.handlers.clear();
    else if (handler === undefined) this.handlers.delete(event);
    else this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    const ack = args.at(-1);
    if (event === 'thread:join' && typeof ack === 'function') {
      const threadId = (args[0] as { threadId: string }).threadId;
      (ack as (result: JoinAck) => void)(this.joinAck(threadId));
    }
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    const was = this.connected;
    this.connected = false;
    this.active = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** Client → server messages of one kind (e.g. 'thread:join'), payloads only. */
  sent(event: string): unknown[] {
    return this.emitted.filter((entry) => entry.event === event).map((entry) => entry.args[0]);
  }

  // --- the "server" side (wrapped in act: they update React state) ---

  accept(): void {
    act(() => {
      this.connected = true;
      this.active = true;
      this.fire('connect');
    });
  }

  refuse(message = 'UNAUTHENTICATED'): void {
    act(() => {
      this.connected = false;
      this.active = false;
      this.fire('connect_error', new Error(message));
    });
  }

  drop(reason = 'transport close'): void {
    act(() => {
      this.connected = false;
      this.fire('disconnect', reason);
    });
  }

  serverEmit(event: string, ...args: unknown[]): void {
    act(() => {
      this.fire(event, ...args);
    });
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

export interface FakeSockets {
  factory: SocketFactory;
  /** Every socket the app created, in order. */
  all: FakeSocket[];
  /** The socket created last (throws when there is none). */
  readonly last: FakeSocket;
}

export function fakeSockets(): FakeSockets {
  const all: FakeSocket[] = [];
  return {
    all,
    factory: (token) => {
      const socket = new FakeSocket(token);
      all.push(socket);
      return socket as unknown as RealtimeSocket;
    },
    get last() {
      const socket = all.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}
