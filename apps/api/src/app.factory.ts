import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '@treffpunkt/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './common/config/app-config.js';
import { DomainError } from './common/errors/domain-error.js';
import { AllExceptionsFilter, mapError } from './common/errors/all-exceptions.filter.js';
import { loggerParams } from './common/logging/logging.js';
import { requestLogging } from './common/logging/request-logging.js';
import { registerOpenApiDocs } from './common/openapi/openapi-docs.js';
import { PostgresIoAdapter } from './modules/realtime/postgres-io.adapter.js';

function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) ? `${path}${m.slice(e.property.length)}` : `${path}: ${m}`,
    );
    return [...own, ...flattenValidationErrors(e.children ?? [], path)];
  });
}

const DOCS_PATH = /^\/api\/docs(\/|$)/;

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The OpenAPI docs page (only) carries an inline <style>; scripts stay 'self' everywhere.
  styleSrc: ["'self'", (req: IncomingMessage) => (DOCS_PATH.test(req.url ?? '') ? "'unsafe-inline'" : "'self'")],
  // previews of downloaded documents are shown from blob: URLs (fetched with the access token)
  imgSrc: ["'self'", 'data:', 'blob:'],
  frameSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Helmet's security headers, computed once for the two kinds of path (the docs page and everything
 * else: they differ only in the CSP's style-src) and then copied onto every response. The Fastify
 * plugin built a new helmet middleware — parsing and validating the whole CSP — on every request.
 */
export function securityHeaders(options: HelmetOptions): (url: string) => ReadonlyArray<readonly [string, string]> {
  const middleware = helmet(options);
  const record = (url: string) => {
    const headers: Array<readonly [string, string]> = [];
    const res = {
      setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name, String(value)]),
      removeHeader: () => undefined,
    };
    // helmet throws (at start-up, here) on an invalid configuration instead of passing it to next
    middleware({ url } as IncomingMessage, res as unknown as ServerResponse, () => undefined);
    return headers;
  };
  const docs = record('/api/docs');
  const other = record('/');
  return (url) => (DOCS_PATH.test(url) ? docs : other);
}

function correlationId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const header = req.headers['x-correlation-id'];
  return typeof header === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(header) ? header : randomUUID();
}

/** Builds the whole production app (used by main.ts and by every whole-system test). */
export async function createApp(
  config: AppConfig & { databaseUrl: string },
  options: { logStream?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: correlationId,
    logger: false,
    return503OnClosing: true,
    // no Nest middleware: requests are logged from a Fastify hook (below)
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  const logging = requestLogging(loggerParams(config, options.logStream));
  app.useLogger(logging.logger);
  app.setGlobalPrefix('api');

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as typeof request.raw & { id?: string }).id = request.id;
    void reply.header('x-correlation-id', request.id);
    done();
  });
  fastify.addHook('onRequest', logging.onRequest);

  // JSON, plus multipart for uploads (streamed by the documents module): anything else is a clear 415.
  fastify.removeContentTypeParser('text/plain');
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadMaxBytes, files: 1 } });
  await app.register(fastifyCookie);
  const https = config.publicUrl.startsWith('https://');
  const headersFor = securityHeaders({
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: https ? [] : null } },
    strictTransportSecurity: https,
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of headersFor(request.url)) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => request.url === '/api/health',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      retryAfter: context.ttl,
      message: `Too many requests, please retry in ${Math.ceil(context.ttl / 1000)} seconds`,
    }),
  });

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => {
        const details = flattenValidationErrors(errors);
        return new DomainError(400, ErrorCode.ValidationFailed, details[0] ?? 'The request is not valid', {}, details);
      },
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useWebSocketAdapter(new PostgresIoAdapter(app, config.databaseUrl));

  registerOpenApiDocs(app);

  const webDist = config.webDistDir;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    const indexHtml = readFileSync(join(webDist, 'index.html'));
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        void reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes get the SPA; /api and /socket.io keep their JSON 404.
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (/^\/(api|socket\.io)(\/|$)/.test(request.url)) {
        const { body } = mapError(new DomainError(404, ErrorCode.NotFound, 'Not found'), request.id);
        return reply.status(404).send(body);
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    });
  }

  await app.init();
  await fastify.ready();
  return app;
}
