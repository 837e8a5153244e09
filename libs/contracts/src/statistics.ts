import type { OrganisationType } from './enums.js';

/**
 * Consultation statistics: one row per counselling consultation, without personal data, and the
 * aggregated counts the funder asks for. Every value is a code from a fixed list, so nothing a
 * person typed can end up in a statistic; the only free text (`note`) is short and checked for
 * personal data.
 */

export const CONSULTATION_TOPICS = ['recognition', 'labour_rights', 'job_search', 'qualification', 'other'] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export const CONSULTATION_CHANNELS = ['in_person', 'phone', 'video', 'email'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export const CONSULTATION_OUTCOMES = ['advice_given', 'referred', 'application_submitted', 'other'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/** Occupational areas (Berufsbereiche) of the German classification of occupations KldB 2010. */
export const OCCUPATION_GROUPS = [
  'agriculture',
  'production',
  'construction',
  'science_it',
  'logistics_security',
  'commerce_tourism',
  'business_admin',
  'health_social_education',
  'humanities_media_arts',
  'military',
] as const;
export type OccupationGroup = (typeof OCCUPATION_GROUPS)[number];

/**
 * Languages a consultation is held in: BCP 47 tags that `Intl.DisplayNames` names in German and
 * English (`prs` = Dari, `ckb`/`kmr` = Sorani/Kurmanji).
 */
export const CONSULTATION_LANGUAGES = [
  'de',
  'en',
  'ar',
  'fa',
  'prs',
  'ps',
  'ckb',
  'kmr',
  'tr',
  'ru',
  'uk',
  'pl',
  'ro',
  'bg',
  'hr',
  'sr',
  'bs',
  'sq',
  'mk',
  'el',
  'hu',
  'cs',
  'fr',
  'es',
  'it',
  'pt',
  'vi',
  'zh',
  'hi',
  'ur',
  'ta',
  'ti',
  'am',
  'so',
  'ka',
  'hy',
  'az',
] as const;
export type ConsultationLanguage = (typeof CONSULTATION_LANGUAGES)[number];

/** ISO 3166-1 alpha-2 (all officially assigned codes) plus XK (Kosovo, user-assigned but used by the EU and Germany). */
export const COUNTRY_CODES: readonly string[] = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT',
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG',
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW',
]
  .join(' ')
  .split(' ');

/** Dimensions a statistic can be grouped by (one or two at once). `referredTo` counts referrals only. */
export const STATS_DIMENSIONS = ['month', 'servicePoint', 'topic', 'channel', 'language', 'country', 'outcome', 'referredTo'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const CONSULTATION_NOTE_MAX = 200;
/** The author may change or delete an entry for this many days after recording it. */
export const CONSULTATION_EDIT_DAYS = 30;
/** Counts from 1 to SMALL_COUNT_LIMIT - 1 are hidden ("<5") from everyone without 'statistics.exact'. */
export const SMALL_COUNT_LIMIT = 5;

export interface CreateConsultationRequest {
  /** Calendar day, YYYY-MM-DD, not in the future. */
  date: string;
  /** Defaults to the recording person's organisation, which must then be a service point. */
  servicePointId?: string;
  topic: ConsultationTopic;
  channel: ConsultationChannel;
  language?: ConsultationLanguage | null;
  /** ISO 3166-1 alpha-2. */
  countryOfQualification?: string | null;
  occupationGroup?: OccupationGroup | null;
  outcome?: ConsultationOutcome | null;
  /** Required when outcome is `referred`, forbidden otherwise. */
  referredToOrganisationId?: string | null;
  /** Short, checked for personal data (422 PII_SUSPECTED). */
  note?: string | null;
}

export type UpdateConsultationRequest = Partial<CreateConsultationRequest>;

export interface ConsultationDto {
  id: string;
  date: string;
  servicePoint: { id: string; name: string };
  topic: ConsultationTopic;
  channel: ConsultationChannel;
  language: ConsultationLanguage | null;
  countryOfQualification: string | null;
  occupationGroup: OccupationGroup | null;
  outcome: ConsultationOutcome | null;
  referredTo: { id: string; name: string } | null;
  note: string | null;
  /** null once the account is gone. */
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
  /** The caller may change or delete this entry (author, within CONSULTATION_EDIT_DAYS). */
  editableUntil: string | null;
}

export interface ConsultationListQuery {
  cursor?: string;
  limit?: number;
  from?: string;
  to?: string;
}

export interface ConsultationStatsQuery {
  /** YYYY-MM-DD; default: first day of the month eleven months ago. */
  from?: string;
  /** YYYY-MM-DD; default: today. */
  to?: string;
  /** One or two dimensions, comma-separated: `month,servicePoint`. */
  groupBy: string;
  /** Coordinators and admins: only this service point. Advisors always see their own. */
  servicePointId?: string;
}

/**
 * One published number. `count` is null when disclosure control hides it:
 * `small` = a count from 1 to 4 (shown as "<5"); `complementary` = hidden so that totals do not
 * give a small count away (shown as "•").
 */
export interface StatsValue {
  count: number | null;
  suppressed: 'small' | 'complementary' | null;
}

export interface StatsKey {
  /** Month `YYYY-MM`, an enum value, an ISO code or an organisation id; null = not recorded. */
  key: string | null;
  /** Organisation names for servicePoint/referredTo; null for codes the client translates. */
  label: string | null;
}

export interface ConsultationStatsDto {
  /** The range counted (whole months for everyone without 'statistics.exact'). */
  from: string;
  to: string;
  groupBy: StatsDimension[];
  /** The service point the numbers are limited to, if any. */
  servicePoint: { id: string; name: string } | null;
  /** Small counts hidden (everyone but admins). */
  disclosureControl: boolean;
  rows: StatsKey[];
  /** Values of the second dimension; empty for one dimension. */
  columns: StatsKey[];
  /** cells[row][column]; one column for one dimension. */
  cells: StatsValue[][];
  rowTotals: StatsValue[];
  /** Empty for one dimension. */
  columnTotals: StatsValue[];
  total: StatsValue;
}

export interface ConsultationOptionsDto {
  /** Service points a consultation can be recorded for. */
  servicePoints: { id: string; name: string }[];
  /** Organisations of the directory a person can be referred to. */
  referralOrganisations: { id: string; name: string; type: OrganisationType }[];
  /** The caller's own organisation when it is a service point. */
  defaultServicePointId: string | null;
}
