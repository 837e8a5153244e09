import type { PiiFinding } from './forum.js';

/** Stable machine-readable error codes. The HTTP status is decided by the API's error filter. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountDisabled: 'ACCOUNT_DISABLED',
  SessionExpired: 'SESSION_EXPIRED',
  RefreshTokenReused: 'REFRESH_TOKEN_REUSED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  EmailTaken: 'EMAIL_TAKEN',
  HandleTaken: 'HANDLE_TAKEN',
  InvitationInvalid: 'INVITATION_INVALID',
  InvitationExpired: 'INVITATION_EXPIRED',
  InvitationUsed: 'INVITATION_USED',
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  WrongPassword: 'WRONG_PASSWORD',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  PiiSuspected: 'PII_SUSPECTED',
  ThreadLocked: 'THREAD_LOCKED',
  SpaceArchived: 'SPACE_ARCHIVED',
  SlugTaken: 'SLUG_TAKEN',
  IdempotencyConflict: 'IDEMPOTENCY_CONFLICT',
  SearchQueryInvalid: 'SEARCH_QUERY_INVALID',
  ConsultationLocked: 'CONSULTATION_LOCKED',
  FileTypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  QuotaExceeded: 'QUOTA_EXCEEDED',
  ParentInTrash: 'PARENT_IN_TRASH',
  RangeNotSatisfiable: 'RANGE_NOT_SATISFIABLE',
  MeetingCancelled: 'MEETING_CANCELLED',
  MeetingStarted: 'MEETING_STARTED',
  MinutesDocumentInvalid: 'MINUTES_DOCUMENT_INVALID',
  ExportExpired: 'EXPORT_EXPIRED',
  InternalError: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The one error body every failing API response has. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  correlationId: string;
  /** Present for VALIDATION_FAILED: one line per offending field. */
  details?: string[];
  /** Present for PII_SUSPECTED. */
  findings?: PiiFinding[];
}
