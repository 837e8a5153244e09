import type { SpaceDto, SpaceMemberDto } from '@treffpunkt/contracts';
import type { SpaceAccess } from '../access/access.service.js';
import { toOrganisationSummary } from '../organisations/organisations.mapper.js';
import { toUserSummary } from '../users/users.mapper.js';
import type { UserWithOrganisation } from '../users/users.repository.js';
import type { MemberRow, SpaceListRow } from './spaces.repository.js';

export const toSpaceDto = (s: SpaceListRow, access: SpaceAccess): SpaceDto => ({
  id: s.id,
  name: s.name,
  slug: s.slug,
  description: s.description,
  visibility: s.visibility,
  caseRetentionMonths: s.caseRetentionMonths,
  archived: s.archivedAt !== null,
  threadCount: s.threadCount,
  unreadThreadCount: s.unreadThreadCount,
  permissions: access.permissions,
  subscription: s.subscription ?? 'normal',
  createdAt: s.createdAt.toISOString(),
});

export const toSpaceMemberDto = (m: MemberRow): SpaceMemberDto => ({
  id: m.id,
  role: m.role,
  user: m.user ? toUserSummary(m.user as UserWithOrganisation) : null,
  organisation: m.organisation ? toOrganisationSummary(m.organisation) : null,
  createdAt: m.createdAt.toISOString(),
});
