import type { JoinAck, NotificationDto, ServerToClientEvents, UnreadCountDto } from '@treffpunkt/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { notificationsApi } from '../../api/endpoints';
import { createSocket, UNAUTHENTICATED_MESSAGE, type RealtimeSocket, type SocketFactory } from '../../api/realtime';
import { useSession } from '../auth/SessionProvider';
import { mergeIntoCache, notificationKeys, PANEL_SIZE, setUnreadCount } from '../notifications/cache';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Whether this session's socket was connected at least once (a drop before that is no "interruption"). */
  wasConnected: boolean;
}

/** Events the provider raises itself, next to the server's. */
export interface LocalEvents {
  /** After every (re)connect, once the rooms are joined again. `first` is the session's first connect. */
  connected: (info: { first: boolean }) => void;
  /** Notifications not seen before in this session (live or caught up after a reconnect), oldest first. */
  notifications: (items: NotificationDto[]) => void;
}

export type RealtimeEvents = ServerToClientEvents & LocalEvents;
type EventName = keyof RealtimeEvents;
type AnyHandler = (...args: unknown[]) => void;

export interface RealtimeApi {
  /** Listen to a server or provider event for as long as the session lasts (across reconnects). */
  subscribe: <E extends EventName>(event: E, handler: RealtimeEvents[E]) => () => void;
  /** Join a thread's room (again after every reconnect) until the returned function is called. */
  joinThread: (threadId: string, onAck?: (ack: JoinAck) => void) => () => void;
}

const ApiContext = createContext<RealtimeApi | null>(null);
const StateContext = createContext<ConnectionState>({ status: 'idle', wasConnected: false });

const CATCH_UP_PAGE = 100;
const CATCH_UP_MAX_PAGES = 50;

/** Delay before reconnecting after the server refused a token (1 s, 2 s, 4 s … up to 30 s). */
const authRetryDelay = (attempt: number): number => (attempt <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (attempt - 2)));

/**
 * The socket.io connection of the signed-in person: connects after sign-in, disconnects on
 * sign-out, reconnects with a fresh access token when the handshake is refused, catches up on
 * missed notifications after every (re)connect (`?after=<last id seen>`, kept in memory only)
 * and keeps the notification caches and the unread count current.
 */
export function RealtimeProvider({ children, socketFactory = createSocket }: { children: ReactNode; socketFactory?: SocketFactory }) {
  const { status, user, endSession } = useSession();
  const queryClient = useQueryClient();
  const userId = status === 'authenticated' ? (user?.id ?? null) : null;
  const [state, setState] = useState<ConnectionState>({ status: 'idle', wasConnected: false });

  const listeners = useRef(new Map<EventName, Set<AnyHandler>>());
  const rooms = useRef(new Map<string, { count: number; acks: Set<(ack: JoinAck) => void> }>());
  const socketRef = useRef<RealtimeSocket | null>(null);
  const endSessionRef = useRef(endSession);
  useEffect(() => {
    endSessionRef.current = endSession;
  }, [endSession]);

  const emitLocal = useCallback(<E extends EventName>(event: E, ...args: Parameters<RealtimeEvents[E]>) => {
    for (const handler of listeners.current.get(event) ?? []) {
      try {
        handler(...args);
      } catch (error) {
        console.error(error);
      }
    }
  }, []);

  const subscribe = useCallback(<E extends EventName>(event: E, handler: RealtimeEvents[E]) => {
    const set = listeners.current.get(event) ?? new Set<AnyHandler>();
    listeners.current.set(event, set);
    const fn = handler as unknown as AnyHandler;
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }, []);

  const sendJoin = useCallback((socket: RealtimeSocket, threadId: string) => {
    socket.emit('thread:join', { threadId }, (ack: JoinAck) => {
      for (const onAck of rooms.current.get(threadId)?.acks ?? []) onAck(ack);
    });
  }, []);

  const joinThread = useCallback(
    (threadId: string, onAck?: (ack: JoinAck) => void) => {
      const room = rooms.current.get(threadId) ?? { count: 0, acks: new Set() };
      rooms.current.set(threadId, room);
      room.count += 1;
      if (onAck) room.acks.add(onAck);
      const socket = socketRef.current;
      if (room.count === 1 && socket?.connected) sendJoin(socket, threadId);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        if (onAck) room.acks.delete(onAck);
        room.count -= 1;
        if (room.count > 0) return;
        rooms.current.delete(threadId);
        const current = socketRef.current;
        if (current?.connected) current.emit('thread:leave', { threadId });
      };
    },
    [sendJoin],
  );

  useEffect(() => {
    if (!userId) return;
    const token = api.token;
    if (!token) return;

    let disposed = false;
    let lastId: number | null = null;
    const known = new Set<number>();
    let firstConnect = true;
    let authAttempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const socket = socketFactory(token);
    socketRef.current = socket;

    /** Remember, cache and announce notifications; returns the ones not seen before. */
    const take = (items: readonly NotificationDto[], announce: boolean): NotificationDto[] => {
      const fresh = items.filter((item) => !known.has(item.id)).sort((a, b) => a.id - b.id);
      for (const item of items) {
        known.add(item.id);
        lastId = Math.max(lastId ?? 0, item.id);
      }
      mergeIntoCache(queryClient, items);
      if (announce && fresh.length > 0) emitLocal('notifications', fresh);
      return fresh;
    };

    const refreshCount = async () => {
      const { count } = await notificationsApi.unreadCount();
      if (!disposed) setUnreadCount(queryClient, count);
    };

    const catchUp = async () => {
      try {
        if (lastId === null) {
          // First connect of the session: start from the newest id, announcing nothing old.
          const page = await notificationsApi.list({ limit: PANEL_SIZE });
          if (disposed) return;
          take(page.items, false);
          lastId ??= 0;
        } else {
          let after = lastId;
          for (let pageNo = 0; pageNo < CATCH_UP_MAX_PAGES; pageNo++) {
            const page = await notificationsApi.after(after, CATCH_UP_PAGE);
            if (disposed) return;
            take(page.items, true);
            const last = page.items.at(-1);
            if (!page.nextCursor || !last) break;
            after = last.id;
          }
        }
        await refreshCount();
      } catch {
        // The next reconnect tries again; the badge keeps its last value meanwhile.
      }
    };

    const connectLater = (delay: number) => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (!disposed && !socket.connected) socket.connect();
      }, delay);
    };

    socket.on('connect', () => {
      authAttempts = 0;
      setState({ status: 'connected', wasConnected: true });
      for (const threadId of rooms.current.keys()) sendJoin(socket, threadId);
      const first = firstConnect;
      firstConnect = false;
      void catchUp();
      emitLocal('connected', { first });
    });

    socket.on('connect_error', (error: Error) => {
      if (disposed) return;
      setState((current) => ({ ...current, status: current.wasConnected ? 'disconnected' : 'connecting' }));
      if (error.message === UNAUTHENTICATED_MESSAGE) {
        // The access token expired (or was revoked): get a new one and try again with it.
        authAttempts += 1;
        void api.refresh().then((session) => {
          if (disposed) return;
          if (!session) {
            endSessionRef.current('expired');
            return;
          }
          socket.auth = { token: session.accessToken };
          connectLater(authRetryDelay(authAttempts));
        });
      } else if (!socket.active) {
        // Refused for another reason and socket.io gave up: keep trying, slowly.
        connectLater(5000);
      }
    });

    socket.on('disconnect', (reason: string) => {
      if (disposed) return;
      setState((current) => ({ ...current, status: 'disconnected' }));
      // The server closed it (not a network drop): socket.io will not reconnect by itself.
      if (reason === 'io server disconnect') connectLater(2000);
    });

    socket.on('notification:new', (notification) => {
      const fresh = take([notification], true);
      if (fresh.length > 0 && notification.readAt === null) {
        queryClient.setQueryData<UnreadCountDto>(notificationKeys.unreadCount(), (old) => (old ? { count: old.count + 1 } : old));
      }
      emitLocal('notification:new', notification);
    });
    socket.on('notification:unread-count', (payload) => {
      setUnreadCount(queryClient, payload.count);
      emitLocal('notification:unread-count', payload);
    });
    socket.on('thread:post-created', (payload) => {
      emitLocal('thread:post-created', payload);
    });
    socket.on('thread:post-updated', (payload) => {
      emitLocal('thread:post-updated', payload);
    });
    socket.on('error:message', (payload) => {
      emitLocal('error:message', payload);
    });
    socket.on('session:revoked', () => {
      emitLocal('session:revoked');
      disposed = true;
      socket.disconnect();
      endSessionRef.current('revoked');
    });

    // Reconnects by socket.io itself use whatever token the REST client got last.
    const offSession = api.onSession((session) => {
      socket.auth = { token: session.accessToken };
    });

    socket.connect();

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      offSession();
      socket.off();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
      setState({ status: 'idle', wasConnected: false });
    };
  }, [userId, socketFactory, queryClient, emitLocal, sendJoin]);

  const realtimeApi = useMemo<RealtimeApi>(() => ({ subscribe, joinThread }), [subscribe, joinThread]);
  return (
    <ApiContext.Provider value={realtimeApi}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ApiContext.Provider>
  );
}

export function useRealtime(): RealtimeApi {
  const context = useContext(ApiContext);
  if (!context) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return context;
}

export function useConnectionState(): ConnectionState {
  return useContext(StateContext);
}

/** Subscribe to an event while the component is mounted; the latest handler is always called. */
export function useRealtimeEvent<E extends EventName>(event: E, handler: RealtimeEvents[E]): void {
  const { subscribe } = useRealtime();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      subscribe(event, (...args: unknown[]) => {
        (handlerRef.current as unknown as AnyHandler)(...args);
      }),
    [event, subscribe],
  );
}
