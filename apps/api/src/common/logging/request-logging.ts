import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import type { Level, Logger as Pino } from 'pino';
import type { Options } from 'pino-http';

/** One request: its raw request and, once something is logged for it, its child logger. */
interface RequestScope {
  req: IncomingMessage;
  child?: Pino;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * The request's child logger (bound to the serialised request: id, method, scrubbed URL), built on
 * first use. Serialising and redacting the request costs more than the rest of a small request's
 * logging, and at level warn most requests log nothing at all.
 */
function requestLogger(scope: RequestScope): Pino {
  return (scope.child ??= PinoLogger.root.child({ req: scope.req }));
}

/** nestjs-pino's logger, with every line logged during a request bound to that request. */
class RequestScopedPinoLogger extends PinoLogger {
  override get logger(): Pino {
    const scope = scopes.getStore();
    return scope ? requestLogger(scope) : super.logger;
  }
}

type Hook = (request: { raw: IncomingMessage }, reply: { raw: ServerResponse }, done: () => void) => void;

/**
 * The application logger and the Fastify `onRequest` hook that logs each request once it is answered,
 * with the same lines as pino-http's middleware ("request completed", "request errored" from status
 * 500 on, levels from `customLogLevel`) — but without a child logger and a serialised request for
 * requests whose line is below the log level, and without Nest's middleware engine.
 */
export function requestLogging(params: Params): { logger: Logger; onRequest: Hook } {
  const pinoLogger = new RequestScopedPinoLogger(params);
  const logger = new Logger(pinoLogger, params);
  const options = (Array.isArray(params.pinoHttp) ? params.pinoHttp[0] : params.pinoHttp) as Options | undefined;
  const customLogLevel = options?.customLogLevel;
  const levelOf = (req: IncomingMessage, res: ServerResponse, err?: Error): Level | 'silent' =>
    customLogLevel ? customLogLevel(req, res, err) : 'info';

  const finished = (scope: RequestScope, res: ServerResponse, startTime: number, err?: Error): void => {
    const responseTime = Date.now() - startTime;
    const level = levelOf(scope.req, res, err);
    if (level === 'silent' || !PinoLogger.root.isLevelEnabled(level)) return;
    const log = requestLogger(scope);
    const resErr = (res as ServerResponse & { err?: Error }).err;
    if (err || resErr || res.statusCode >= 500) {
      const error = err || resErr || new Error(`failed with status code ${res.statusCode}`);
      log[level]({ res, err: error, responseTime }, 'request errored');
      return;
    }
    log[level]({ res, responseTime }, 'request completed');
  };

  const onRequest: Hook = (request, reply, done) => {
    const scope: RequestScope = { req: request.raw };
    const res = reply.raw;
    const startTime = Date.now();
    const complete = (err?: Error): void => {
      res.removeListener('close', complete);
      res.removeListener('finish', complete);
      res.removeListener('error', complete);
      finished(scope, res, startTime, err);
    };
    res.on('close', complete);
    res.on('finish', complete);
    res.on('error', complete);
    scopes.run(scope, done);
  };

  return { logger, onRequest };
}
