import type { UserDto, UserListItemDto, UserSummary } from '@treffpunkt/contracts';
import { toOrganisationSummary } from '../organisations/organisations.mapper.js';
import type { UserWithOrganisation } from './users.repository.js';

export const toUserSummary = (u: UserWithOrganisation): UserSummary => ({
  id: u.id,
  displayName: u.displayName,
  handle: u.handle,
  role: u.role,
  organisation: toOrganisationSummary(u.organisation),
});

export const toUserDto = (u: UserWithOrganisation): UserDto => ({
  ...toUserSummary(u),
  email: u.email,
  status: u.status,
  locale: u.locale,
  languages: u.languages,
  expertise: u.expertise,
  phone: u.phone,
  bio: u.bio,
  createdAt: u.createdAt.toISOString(),
});

export const toUserListItem = (u: UserWithOrganisation): UserListItemDto => ({
  ...toUserSummary(u),
  email: u.email,
  phone: u.phone,
  status: u.status,
  languages: u.languages,
  expertise: u.expertise,
});
