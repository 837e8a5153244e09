/** Global role of a user (one per user). "Staff" = admin, coordinator, advisor. */
export const ROLES = ['admin', 'coordinator', 'advisor', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'advisor'];
export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

export const ORGANISATION_TYPES = ['service_point', 'business', 'welfare', 'migrant_org', 'education', 'public_admin', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `erased`: the person's data was removed (GDPR); the row stays so their posts keep an author. */
export const USER_STATUSES = ['active', 'disabled', 'erased'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const SPACE_VISIBILITIES = ['network', 'staff', 'private'] as const;
export type SpaceVisibility = (typeof SPACE_VISIBILITIES)[number];

/** Fields of action an organisation works in (directory filter). */
export const FIELDS_OF_ACTION = [
  'labour_market',
  'education_training',
  'recognition',
  'integration',
  'counselling',
  'language',
  'health_care',
] as const;
export type FieldOfAction = (typeof FIELDS_OF_ACTION)[number];

/** Target groups an organisation serves (directory filter). */
export const TARGET_GROUPS = ['migrants', 'refugees', 'companies', 'skilled_workers', 'women', 'young_people', 'students'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
