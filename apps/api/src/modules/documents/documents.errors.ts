import { ErrorCode } from '@treffpunkt/contracts';
import { DomainError } from '../../common/errors/domain-error.js';

export const fileTooLarge = (maxBytes: number): DomainError =>
  new DomainError(413, ErrorCode.PayloadTooLarge, `The file is larger than the limit of ${maxBytes} bytes`);

export const fileTypeNotAllowed = (contentType: string, reason: string): DomainError =>
  new DomainError(415, ErrorCode.FileTypeNotAllowed, `Files of this type cannot be shared (${reason}: ${contentType})`);

export const quotaExceeded = (quotaBytes: number): DomainError =>
  new DomainError(507, ErrorCode.QuotaExceeded, `This space has no room left for the file (quota ${quotaBytes} bytes)`);

export const malformedUpload = (message = 'Expected multipart/form-data with one file in the field "file"'): DomainError =>
  new DomainError(400, ErrorCode.ValidationFailed, message);

export const parentInTrash = (): DomainError =>
  new DomainError(409, ErrorCode.ParentInTrash, 'The folder it was in is in the trash: restore that folder first');

export const notInTrash = (): DomainError => new DomainError(409, ErrorCode.Conflict, 'This is not in the trash');

export const moveIntoItself = (): DomainError =>
  new DomainError(409, ErrorCode.Conflict, 'A folder cannot be moved into itself or below itself');

export const otherSpace = (): DomainError =>
  new DomainError(400, ErrorCode.ValidationFailed, 'Folders and documents move within their space only');

export const rangeNotSatisfiable = (size: number): DomainError =>
  new DomainError(416, ErrorCode.RangeNotSatisfiable, 'The requested range is outside the file', { 'Content-Range': `bytes */${size}` });
