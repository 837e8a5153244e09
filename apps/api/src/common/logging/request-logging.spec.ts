import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PinoLogger } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import { requestLogging } from './request-logging.js';

const lines: Array<Record<string, unknown>> = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let serialised = 0;
const params: Params = {
  pinoHttp: [
    {
      level: 'info',
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => {
          serialised++;
          return { id: req.id, method: req.method, url: req.url };
        },
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req: IncomingMessage, res: { statusCode: number }, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
    stream,
  ] as Params['pinoHttp'],
};

describe('requestLogging', () => {
  const { logger, onRequest } = requestLogging(params);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      (req as IncomingMessage & { id?: string }).id = String(req.headers['x-id']);
      onRequest({ raw: req }, { raw: res }, () => {
        // a line logged while the request is handled, after an await: bound to the request
        void Promise.resolve().then(() => {
          if (req.url === '/log') logger.warn('something happened', 'Service');
          res.statusCode = Number(req.headers['x-status'] ?? 200);
          res.end('ok');
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = async (path: string, id: string, status = 200) => {
    await (await fetch(base + path, { headers: { 'x-id': id, 'x-status': String(status) } })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('logs each answered request as pino-http did, with its level from the status', async () => {
    await get('/a?b=1', 'id-1');
    await get('/missing', 'id-2', 404);
    await get('/broken', 'id-3', 500);
    const [ok, missing, broken] = lines.splice(0);
    expect(ok).toMatchObject({
      level: 30,
      req: { id: 'id-1', method: 'GET', url: '/a?b=1' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    expect(Object.keys(ok!)).toEqual(['level', 'time', 'pid', 'hostname', 'req', 'res', 'responseTime', 'msg']);
    expect(missing).toMatchObject({ level: 40, req: { id: 'id-2' }, res: { statusCode: 404 }, msg: 'request completed' });
    expect(broken).toMatchObject({ level: 50, req: { id: 'id-3' }, res: { statusCode: 500 }, msg: 'request errored' });
    expect(broken!.err).toMatchObject({ type: 'Error', message: 'failed with status code 500' });
    expect(Object.keys(broken!)).toEqual(['level', 'time', 'pid', 'hostname', 'req', 'res', 'err', 'responseTime', 'msg']);
  });

  it('binds lines logged during a request to it, and lines outside a request to nothing', async () => {
    await get('/log', 'id-4');
    logger.log('outside', 'Boot');
    const [during, completed, outside] = lines.splice(0);
    expect(during).toMatchObject({ level: 40, req: { id: 'id-4', url: '/log' }, context: 'Service', msg: 'something happened' });
    expect(completed).toMatchObject({ req: { id: 'id-4' }, msg: 'request completed' });
    expect(outside).toMatchObject({ context: 'Boot', msg: 'outside' });
    expect(outside).not.toHaveProperty('req');
  });

  it('serialises the request only when a line is written for it', async () => {
    PinoLogger.root.level = 'warn';
    try {
      serialised = 0;
      await get('/quiet', 'id-5');
      expect(lines.splice(0)).toEqual([]);
      expect(serialised).toBe(0);
      await get('/loud', 'id-6', 404);
      expect(lines.splice(0)).toMatchObject([{ level: 40, req: { id: 'id-6' } }]);
      expect(serialised).toBe(1);
    } finally {
      PinoLogger.root.level = 'info';
    }
  });
});
