import type {
  OrganisationContactDto,
  OrganisationDto,
  OrganisationListItemDto,
  OrganisationProfileDto,
  OrganisationSummary,
} from '@treffpunkt/contracts';
import type { UserWithOrganisation } from '../users/users.repository.js';
import type { Organisation } from './entities/organisation.entity.js';
import type { OrganisationSpaceRow } from './organisations.repository.js';

export const toOrganisationSummary = (o: Organisation): OrganisationSummary => ({ id: o.id, name: o.name, type: o.type, city: o.city });

export const toOrganisationListItem = (o: Organisation): OrganisationListItemDto => ({
  ...toOrganisationSummary(o),
  fieldsOfAction: o.fieldsOfAction,
  targetGroups: o.targetGroups,
  archived: o.archivedAt !== null,
});

export const toOrganisationDto = (o: Organisation, contactPersonIds: string[]): OrganisationDto => ({
  ...toOrganisationSummary(o),
  description: o.description,
  address: o.address,
  postcode: o.postcode,
  website: o.website,
  email: o.email,
  phone: o.phone,
  fieldsOfAction: o.fieldsOfAction,
  targetGroups: o.targetGroups,
  contactPersonIds,
  archived: o.archivedAt !== null,
  createdAt: o.createdAt.toISOString(),
});

/** A person as UserSummary (the users mapper imports this file, so it is not used here). */
const personSummary = (u: UserWithOrganisation) => ({
  id: u.id,
  displayName: u.displayName,
  handle: u.handle,
  role: u.role,
  organisation: toOrganisationSummary(u.organisation),
});

export const toOrganisationContact = (u: UserWithOrganisation): OrganisationContactDto => ({
  ...personSummary(u),
  email: u.email,
  phone: u.phone,
});

export function toOrganisationProfile(
  o: Organisation,
  parts: {
    contacts: UserWithOrganisation[];
    /** Every contact person id, also of people no longer active (the edit form keeps them). */
    contactPersonIds: string[];
    members: UserWithOrganisation[];
    memberCount: number;
    spaces: OrganisationSpaceRow[];
    canManage: boolean;
  },
): OrganisationProfileDto {
  return {
    ...toOrganisationDto(o, parts.contactPersonIds),
    contactPersons: parts.contacts.map(toOrganisationContact),
    members: parts.members.map(personSummary),
    memberCount: parts.memberCount,
    spaces: parts.spaces.map((s) => ({ id: s.id, name: s.name, slug: s.slug, visibility: s.visibility })),
    canManage: parts.canManage,
  };
}
