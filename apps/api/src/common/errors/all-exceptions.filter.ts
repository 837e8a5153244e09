import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@treffpunkt/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** Errors that mean "the database cannot be reached right now" (→ 503, the pool recovers by itself). */
export function isDatabaseUnavailable(error: unknown): boolean {
  // duck-typed: errors from other realms (driver internals, test VMs) fail `instanceof Error`
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'].includes(code)
  ) {
    return true;
  }
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting|shutting) up/i.test(
    (error as { message: string }).message,
  );
}

export interface MappedError {
  body: ErrorBody;
  headers: Record<string, string>;
}

export function mapError(error: unknown, correlationId: string): MappedError {
  if (error instanceof DomainError) {
    return {
      body: {
        ...error.extra,
        statusCode: error.status,
        code: error.code,
        message: error.message,
        correlationId,
        ...(error.details ? { details: error.details } : {}),
      },
      headers: error.headers,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && typeof (response as { message?: unknown }).message === 'string'
        ? (response as { message: string }).message
        : error.message;
    return {
      body: { statusCode: status, code: STATUS_CODES[status] ?? ErrorCode.InternalError, message, correlationId },
      headers: {},
    };
  }
  // Fastify's own errors (bad JSON, body too large, unsupported content type) carry a statusCode.
  const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const raw = (error as { message?: unknown }).message;
    const message = typeof raw === 'string' ? raw.replace(/^FST_\w+: /, '') : 'Bad request';
    const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
    if (fastifyStatus === 429 && typeof retryAfter === 'number') {
      return {
        body: { statusCode: 429, code: ErrorCode.TooManyRequests, message, correlationId },
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfter / 1000))) },
      };
    }
    return {
      body: { statusCode: fastifyStatus, code: STATUS_CODES[fastifyStatus] ?? ErrorCode.ValidationFailed, message, correlationId },
      headers: {},
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      body: {
        statusCode: 503,
        code: ErrorCode.ServiceUnavailable,
        message: 'The service is temporarily unavailable, please try again shortly',
        correlationId,
      },
      headers: { 'Retry-After': '5' },
    };
  }
  return {
    body: { statusCode: 500, code: ErrorCode.InternalError, message: 'Something went wrong on our side', correlationId },
    headers: {},
  };
}

/** The one place where exceptions become HTTP responses. Never leaks stack traces or SQL. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, headers } = mapError(exception, request.id);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId: request.id }, 'request failed');
    }
    void reply.status(body.statusCode).headers(headers).send(body);
  }
}
