import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { SOCKET_PATH } from '@treffpunkt/contracts';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io on the API's HTTP server, relayed between instances through PostgreSQL
 * LISTEN/NOTIFY (@socket.io/postgres-adapter): no extra service needed.
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly pool: pg.Pool;

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    // connection losses are handled by the adapter's reconnection; never crash on them
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => {
      client.on('error', () => undefined);
      // the adapter drops a dead listener client without releasing it: give it back so pool.end() can finish
      client.on('end', () => {
        try {
          client.release(true);
        } catch {
          // already released
        }
      });
    });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      transports: ['websocket', 'polling'],
      // inbound messages are tiny (thread ids); anything bigger is refused by the transport
      maxHttpBufferSize: 16 * 1024,
      connectTimeout: 10_000,
    } as ServerOptions);
    server.adapter(createAdapter(this.pool, { errorHandler: () => undefined }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.race([this.pool.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }
}
