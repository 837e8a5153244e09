import type { FieldOfAction, OrganisationType, TargetGroup } from './enums.js';

export interface OrganisationSummary {
  id: string;
  name: string;
  type: OrganisationType;
  city: string | null;
}

export interface OrganisationDto extends OrganisationSummary {
  description: string | null;
  address: string | null;
  postcode: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  fieldsOfAction: FieldOfAction[];
  targetGroups: TargetGroup[];
  contactPersonIds: string[];
  archived: boolean;
  createdAt: string;
}
