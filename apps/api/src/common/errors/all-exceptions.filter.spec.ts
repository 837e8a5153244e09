import { BadRequestException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from './domain-error.js';
import { isDatabaseUnavailable, mapError } from './all-exceptions.filter.js';

describe('mapError', () => {
  it('keeps a domain error’s status, code, message and headers', () => {
    const { body, headers } = mapError(new DomainError(429, 'TOO_MANY_REQUESTS', 'slow down', { 'Retry-After': '9' }), 'cid');
    expect(body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'slow down', correlationId: 'cid' });
    expect(headers).toEqual({ 'Retry-After': '9' });
  });

  it('maps Nest HTTP exceptions to the matching code', () => {
    expect(mapError(new NotFoundException('nope'), 'c').body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(mapError(new BadRequestException('bad'), 'c').body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('maps Fastify client errors (bad JSON, too large) by their status code', () => {
    expect(
      mapError(Object.assign(new Error('FST_ERR_CTP_EMPTY_JSON_BODY: Body cannot be empty'), { statusCode: 400 }), 'c').body,
    ).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Body cannot be empty',
    });
    expect(mapError(Object.assign(new Error('too large'), { statusCode: 413 }), 'c').body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('turns an unreachable database into 503 with Retry-After and no internals', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { body, headers } = mapError(error, 'c');
    expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(body.message).not.toContain('5432');
    expect(headers['Retry-After']).toBe('5');
  });

  it('hides everything about unexpected errors', () => {
    const { body } = mapError(new Error('duplicate key value violates unique constraint "UQ_users_email" SELECT * FROM users'), 'c');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side', correlationId: 'c' });
  });
});

describe('isDatabaseUnavailable', () => {
  it('recognises driver errors wrapped by TypeORM', () => {
    expect(isDatabaseUnavailable({ message: 'Query failed', driverError: { message: 'x', code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not treat ordinary query errors as outages', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable('string')).toBe(false);
  });
});
