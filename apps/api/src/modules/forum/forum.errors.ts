import { ErrorCode, type PiiFinding } from '@treffpunkt/contracts';
import { DomainError } from '../../common/errors/domain-error.js';

export const threadLocked = (): DomainError =>
  new DomainError(409, ErrorCode.ThreadLocked, 'This thread is locked: nobody can post into it');

export const spaceArchived = (): DomainError => new DomainError(409, ErrorCode.SpaceArchived, 'This space is archived and read-only');

export const piiSuspected = (findings: PiiFinding[]): DomainError =>
  new DomainError(
    422,
    ErrorCode.PiiSuspected,
    'The text seems to contain personal data. Please remove it, or confirm with acknowledgePii: true.',
    {},
    undefined,
    { findings },
  );
