import { ErrorCode } from '@treffpunkt/contracts';

/** A failure the caller can act on. The global filter turns it into the error body. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: string[],
    /** Extra fields of the error body (e.g. `findings` of PII_SUSPECTED). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'Resource'): DomainError => new DomainError(404, ErrorCode.NotFound, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this'): DomainError => new DomainError(403, ErrorCode.Forbidden, message);
export const unauthenticated = (message = 'Authentication required'): DomainError =>
  new DomainError(401, ErrorCode.Unauthenticated, message);
