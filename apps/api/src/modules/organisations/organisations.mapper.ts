import type { OrganisationDto, OrganisationSummary } from '@treffpunkt/contracts';
import type { Organisation } from './entities/organisation.entity.js';

export const toOrganisationSummary = (o: Organisation): OrganisationSummary => ({ id: o.id, name: o.name, type: o.type, city: o.city });

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
