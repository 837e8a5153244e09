import type { Role } from './enums.js';
import type { OrganisationSummary } from './organisations.js';

export interface CreateInvitationRequest {
  email: string;
  role: Role;
  organisationId: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationDto {
  id: string;
  email: string;
  role: Role;
  organisation: OrganisationSummary;
  invitedBy: { id: string; displayName: string };
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  /**
   * The acceptance link. Present only in the inviter's response when no mail server is
   * configured, so the link can be handed over another way.
   */
  link?: string;
}

/** Public preview shown on the acceptance page. */
export interface InvitationPreview {
  email: string;
  role: Role;
  organisation: OrganisationSummary;
  invitedBy: { displayName: string };
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  displayName: string;
  password: string;
}
