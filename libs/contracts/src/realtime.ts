import type { NotificationDto } from './notifications.js';

/** socket.io path; the handshake carries `auth: { token: <access token> }`. */
export const SOCKET_PATH = '/socket.io';

export interface ThreadPostEvent {
  threadId: string;
  postId: string;
  seq: number;
  authorId: string;
}

export type JoinAck = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'VALIDATION_FAILED' | 'TOO_MANY_REQUESTS' };

export interface ServerToClientEvents {
  'notification:new': (notification: NotificationDto) => void;
  'notification:unread-count': (payload: { count: number }) => void;
  /** Only to sockets that joined the thread (after an access check). The client refetches details. */
  'thread:post-created': (payload: ThreadPostEvent) => void;
  'thread:post-updated': (payload: ThreadPostEvent) => void;
  /** The session ended (account disabled, password changed): the socket is closed right after. */
  'session:revoked': () => void;
  /** A message was refused (malformed or too many). */
  'error:message': (payload: { code: 'VALIDATION_FAILED' | 'TOO_MANY_REQUESTS'; message: string }) => void;
}

export interface ClientToServerEvents {
  'thread:join': (payload: { threadId: string }, ack?: (result: JoinAck) => void) => void;
  'thread:leave': (payload: { threadId: string }) => void;
}
