import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/** Secret path segments (invitation, reset and calendar tokens) never reach the log. */
export function scrubUrl(url: string | undefined): string {
  if (!url) return '';
  return url
    .replace(/(\/invitations\/)(?!\b[0-9a-f]{8}-[0-9a-f]{4}-)[^/?#]+/gi, '$1[redacted]')
    .replace(/(\/calendar\/feed\/)[^/?#]+/gi, '$1[redacted]')
    .replace(/([?&](?:token|access_token)=)[^&#]*/gi, '$1[redacted]');
}

/** Structured request logs with authorization headers, cookies, passwords and tokens removed. */
export function loggerParams(config: AppConfig, stream?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        // request ids come from Fastify (its onRequest hook copies them to the raw request); the
        // lines are written by requestLogging (request-logging.ts) with these serializers and levels
        serializers: {
          req: (req: IncomingMessage & { id?: string; method?: string }) => ({ id: req.id, method: req.method, url: scrubUrl(req.url) }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        },
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
            '*.password',
            '*.newPassword',
            '*.currentPassword',
            '*.token',
            '*.accessToken',
            '*.refreshToken',
            '*.passwordHash',
          ],
          censor: '[redacted]',
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      },
      ...(stream ? [stream] : []),
    ] as Params['pinoHttp'],
  };
}
