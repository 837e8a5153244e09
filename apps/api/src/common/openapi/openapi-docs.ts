import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundException, type INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applyOpenApiDecorators } from './decorators.js';

export const DOCS_ROUTES = ['/api/docs', '/api/docs/*', '/api/docs-json', '/api/docs-yaml'] as const;

/** Headers of the docs server's response that the outer response computes itself. */
const OWN_HEADERS = new Set(['content-length', 'connection', 'date', 'keep-alive', 'transfer-encoding']);

/**
 * `@nestjs/swagger`'s docs (the UI with its assets, the JSON and YAML documents) on a Fastify
 * instance of their own, built with `SwaggerModule.setup` exactly as before, listening on a loopback
 * port that only this process talks to.
 */
async function buildDocsServer(app: NestFastifyApplication): Promise<FastifyInstance> {
  const swagger = await import('@nestjs/swagger');
  applyOpenApiDecorators(swagger);
  const config = new swagger.DocumentBuilder()
    .setTitle('Treffpunkt API')
    .setDescription('REST API of Treffpunkt')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const adapter = new FastifyAdapter({ logger: false });
  // setup only registers routes on the adapter; the document is built from the real application
  const host = { getHttpAdapter: () => adapter } as unknown as INestApplication;
  swagger.SwaggerModule.setup('api/docs', host, () => swagger.SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
  });
  const instance = adapter.getInstance<FastifyInstance>();
  await instance.listen({ host: '127.0.0.1', port: 0 });
  return instance;
}

interface DocsResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One GET to the docs server (HEAD is answered from it like Fastify answers any HEAD: body dropped). */
function fetchFromDocs(server: FastifyInstance, url: string, headers: IncomingHttpHeaders): Promise<DocsResponse> {
  const { port } = server.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: url, headers: { ...headers, connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Registers the API docs' routes. `@nestjs/swagger`, swagger-ui and the OpenAPI document are loaded
 * and built on the first request for them, not at start-up: time and memory nobody needs until the
 * docs are opened. The application's own hooks (correlation id, security headers, rate limit) apply
 * to these routes like to every other.
 */
export function registerOpenApiDocs(app: NestFastifyApplication): void {
  let docs: Promise<FastifyInstance> | undefined;
  const load = (): Promise<FastifyInstance> =>
    (docs ??= buildDocsServer(app).catch((error: unknown) => {
      docs = undefined;
      throw error;
    }));

  const serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const server = await load();
    const res = await fetchFromDocs(server, request.url, request.headers);
    if (res.status === 404) {
      // swagger-ui's LICENSE route throws Nest's NotFoundException; a missing asset is Fastify's not-found
      if (request.url.split('?')[0] === '/api/docs/LICENSE') throw new NotFoundException();
      reply.callNotFound();
      return reply;
    }
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined && !OWN_HEADERS.has(name)) void reply.header(name, value);
    }
    return reply.status(res.status).send(res.body);
  };

  const fastify = app.getHttpAdapter().getInstance();
  for (const url of DOCS_ROUTES) fastify.get(url, serve);
  fastify.addHook('onClose', async () => {
    const server = await docs?.catch(() => undefined);
    await server?.close();
  });
}
