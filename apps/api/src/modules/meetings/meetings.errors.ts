import { ErrorCode } from '@treffpunkt/contracts';
import { DomainError } from '../../common/errors/domain-error.js';

export const invalidMeeting = (message: string): DomainError => new DomainError(400, ErrorCode.ValidationFailed, message, {}, [message]);

export const meetingCancelled = (): DomainError =>
  new DomainError(409, ErrorCode.MeetingCancelled, 'This meeting was cancelled: it cannot be changed or answered any more');

export const meetingStarted = (): DomainError =>
  new DomainError(409, ErrorCode.MeetingStarted, 'This meeting has already started: answers are closed');

export const minutesDocumentInvalid = (): DomainError =>
  new DomainError(400, ErrorCode.MinutesDocumentInvalid, 'The minutes document must be a document in the same space as the meeting');
