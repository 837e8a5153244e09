import type { InvitationDto, InvitationPreview, InvitationStatus } from '@treffpunkt/contracts';
import { toOrganisationSummary } from '../organisations/organisations.mapper.js';
import type { Invitation } from './entities/invitation.entity.js';
import type { InvitationWithRelations } from './invitations.repository.js';

export function invitationStatus(i: Invitation, now = Date.now()): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt.getTime() <= now) return 'expired';
  return 'pending';
}

export const toInvitationDto = (i: InvitationWithRelations, link?: string): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: i.role,
  organisation: toOrganisationSummary(i.organisation),
  invitedBy: { id: i.invitedBy.id, displayName: i.invitedBy.displayName },
  status: invitationStatus(i),
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
  ...(link ? { link } : {}),
});

export const toInvitationPreview = (i: InvitationWithRelations): InvitationPreview => ({
  email: i.email,
  role: i.role,
  organisation: toOrganisationSummary(i.organisation),
  invitedBy: { displayName: i.invitedBy.displayName },
  expiresAt: i.expiresAt.toISOString(),
});
