import { CONSULTATION_EDIT_DAYS, type ConsultationDto } from '@treffpunkt/contracts';
import type { ConsultationRow } from './statistics.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Until when the author may change or delete an entry. */
export const editDeadline = (createdAt: Date): Date => new Date(createdAt.getTime() + CONSULTATION_EDIT_DAYS * DAY_MS);

export const toConsultationDto = (row: ConsultationRow, callerId: string, now: Date = new Date()): ConsultationDto => {
  const deadline = editDeadline(row.createdAt);
  return {
    id: row.id,
    date: row.date,
    servicePoint: { id: row.servicePointId, name: row.servicePointName },
    topic: row.topic,
    channel: row.channel,
    language: row.language,
    countryOfQualification: row.countryOfQualification,
    occupationGroup: row.occupationGroup,
    outcome: row.outcome,
    referredTo: row.referredToOrganisationId ? { id: row.referredToOrganisationId, name: row.referredToName ?? '' } : null,
    note: row.note,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editableUntil: row.authorId === callerId && deadline > now ? deadline.toISOString() : null,
  };
};
