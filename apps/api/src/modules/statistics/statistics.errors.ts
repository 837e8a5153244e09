import { CONSULTATION_EDIT_DAYS, ErrorCode, type PiiFinding } from '@treffpunkt/contracts';
import { DomainError } from '../../common/errors/domain-error.js';

export const invalidConsultation = (message: string): DomainError =>
  new DomainError(400, ErrorCode.ValidationFailed, message, {}, [message]);

export const consultationLocked = (): DomainError =>
  new DomainError(
    409,
    ErrorCode.ConsultationLocked,
    `An entry can only be changed or deleted within ${CONSULTATION_EDIT_DAYS} days of recording it`,
  );

/** The note must not identify anyone; unlike forum posts there is nothing to confirm: it has to be edited. */
export const notePiiSuspected = (findings: PiiFinding[]): DomainError =>
  new DomainError(
    422,
    ErrorCode.PiiSuspected,
    'The note seems to contain personal data. Statistics must not identify anyone: please remove it.',
    {},
    undefined,
    { findings },
  );
