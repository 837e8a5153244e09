import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { SOCKET_PATH, type JoinAck } from '@treffpunkt/contracts';
import { AccessTokenVerifier } from '../../common/auth/access-token.verifier.js';
import { AccessService } from '../access/access.service.js';
import { TokenBucket } from './rate-limiter.js';
import { RealtimePublisher } from './realtime.publisher.js';
import { spaceRoom, threadRoom, userRoom, type RealtimeServer, type RealtimeSocket } from './realtime.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BURST = 20;
const PER_SECOND = 5;
const MAX_REFUSED_IN_A_ROW = 50;
const MAX_THREAD_ROOMS = 50;

/**
 * The one socket.io gateway. The handshake needs the same access token as REST; every socket joins
 * `user:<id>`; thread rooms only after the access service said yes.
 */
@WebSocketGateway({ path: SOCKET_PATH })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  private readonly buckets = new WeakMap<RealtimeSocket, TokenBucket>();

  @WebSocketServer()
  server!: RealtimeServer;

  constructor(
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(RealtimePublisher) private readonly publisher: RealtimePublisher,
  ) {}

  afterInit(server: RealtimeServer): void {
    this.publisher.attach(server);
    server.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      if (typeof token !== 'string' || token.length > 4096) {
        next(new Error('UNAUTHENTICATED'));
        return;
      }
      this.verifier
        .verify(token)
        .then(({ expiresAt: _expiresAt, ...user }) => {
          socket.data.user = user;
          socket.data.threads = {};
          next();
        })
        .catch(() => next(new Error('UNAUTHENTICATED')));
    });
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    this.buckets.set(socket, new TokenBucket(BURST, PER_SECOND));
    await socket.join(userRoom(socket.data.user.id));
  }

  @SubscribeMessage('thread:join')
  async join(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<JoinAck> {
    if (!this.allowed(socket)) return { ok: false, code: 'TOO_MANY_REQUESTS' };
    const threadId = this.threadIdOf(socket, payload);
    if (!threadId) return { ok: false, code: 'VALIDATION_FAILED' };
    if (Object.keys(socket.data.threads).length >= MAX_THREAD_ROOMS && !(threadId in socket.data.threads)) {
      return { ok: false, code: 'TOO_MANY_REQUESTS' };
    }
    try {
      const access = await this.access.requireThread(socket.data.user, threadId);
      await socket.join([threadRoom(threadId), spaceRoom(access.spaceId)]);
      socket.data.threads = { ...socket.data.threads, [threadId]: access.spaceId };
      return { ok: true };
    } catch {
      // invisible or missing: the same answer, no existence oracle
      return { ok: false, code: 'NOT_FOUND' };
    }
  }

  @SubscribeMessage('thread:leave')
  async leave(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<void> {
    if (!this.allowed(socket)) return;
    const threadId = this.threadIdOf(socket, payload);
    if (!threadId || !(threadId in socket.data.threads)) return;
    const spaceId = socket.data.threads[threadId]!;
    const { [threadId]: _left, ...rest } = socket.data.threads;
    socket.data.threads = rest;
    await socket.leave(threadRoom(threadId));
    if (!Object.values(rest).includes(spaceId)) await socket.leave(spaceRoom(spaceId));
  }

  private threadIdOf(socket: RealtimeSocket, payload: unknown): string | null {
    const threadId = typeof payload === 'object' && payload !== null ? (payload as { threadId?: unknown }).threadId : undefined;
    if (typeof threadId === 'string' && UUID.test(threadId)) return threadId.toLowerCase();
    socket.emit('error:message', { code: 'VALIDATION_FAILED', message: 'threadId must be a UUID' });
    return null;
  }

  /** Rate limit of inbound messages; a client that keeps flooding is disconnected. */
  private allowed(socket: RealtimeSocket): boolean {
    const bucket = this.buckets.get(socket);
    if (!bucket || bucket.take()) return true;
    if (bucket.refusedInARow === 1) socket.emit('error:message', { code: 'TOO_MANY_REQUESTS', message: 'Too many messages, slow down' });
    if (bucket.refusedInARow >= MAX_REFUSED_IN_A_ROW) {
      this.logger.warn({ userId: socket.data.user.id }, 'socket disconnected for flooding');
      socket.disconnect(true);
    }
    return false;
  }
}
