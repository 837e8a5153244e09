import {
  CONSULTATION_CHANNELS,
  CONSULTATION_LANGUAGES,
  CONSULTATION_NOTE_MAX,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPICS,
  COUNTRY_CODES,
  OCCUPATION_GROUPS,
  STATS_DIMENSIONS,
  type ConsultationChannel,
  type ConsultationLanguage,
  type ConsultationListQuery,
  type ConsultationOutcome,
  type ConsultationStatsQuery,
  type ConsultationTopic,
  type CreateConsultationRequest,
  type OccupationGroup,
  type UpdateConsultationRequest,
} from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = { message: '$property must be a calendar date YYYY-MM-DD' };
/** A blank note is no note. */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
/** Required fields may be left out of a PATCH, but not set to null. */
const present = (_o: object, value: unknown) => value !== undefined;

export class CreateConsultationDto implements CreateConsultationRequest {
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  date!: string;

  @IsOptional()
  @IsUUID()
  servicePointId?: string;

  @IsIn(CONSULTATION_TOPICS)
  topic!: ConsultationTopic;

  @IsIn(CONSULTATION_CHANNELS)
  channel!: ConsultationChannel;

  @IsOptional()
  @IsIn(CONSULTATION_LANGUAGES)
  language?: ConsultationLanguage | null;

  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'countryOfQualification must be an ISO 3166-1 alpha-2 code' })
  countryOfQualification?: string | null;

  @IsOptional()
  @IsIn(OCCUPATION_GROUPS)
  occupationGroup?: OccupationGroup | null;

  @IsOptional()
  @IsIn(CONSULTATION_OUTCOMES)
  outcome?: ConsultationOutcome | null;

  @IsOptional()
  @IsUUID()
  referredToOrganisationId?: string | null;

  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(CONSULTATION_NOTE_MAX)
  note?: string | null;
}

export class UpdateConsultationDto implements UpdateConsultationRequest {
  @ValidateIf(present)
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  date?: string;

  @ValidateIf(present)
  @IsUUID()
  servicePointId?: string;

  @ValidateIf(present)
  @IsIn(CONSULTATION_TOPICS)
  topic?: ConsultationTopic;

  @ValidateIf(present)
  @IsIn(CONSULTATION_CHANNELS)
  channel?: ConsultationChannel;

  @IsOptional()
  @IsIn(CONSULTATION_LANGUAGES)
  language?: ConsultationLanguage | null;

  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'countryOfQualification must be an ISO 3166-1 alpha-2 code' })
  countryOfQualification?: string | null;

  @IsOptional()
  @IsIn(OCCUPATION_GROUPS)
  occupationGroup?: OccupationGroup | null;

  @IsOptional()
  @IsIn(CONSULTATION_OUTCOMES)
  outcome?: ConsultationOutcome | null;

  @IsOptional()
  @IsUUID()
  referredToOrganisationId?: string | null;

  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(CONSULTATION_NOTE_MAX)
  note?: string | null;
}

export class ConsultationListQueryDto extends PageQueryDto implements ConsultationListQuery {
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  from?: string;

  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  to?: string;
}

const DIMENSION = `(?:${STATS_DIMENSIONS.join('|')})`;

export class ConsultationStatsQueryDto implements ConsultationStatsQuery {
  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  from?: string;

  @IsOptional()
  @Matches(DAY, DAY_MESSAGE)
  @IsISO8601({ strict: true }, DAY_MESSAGE)
  to?: string;

  @IsString()
  @Matches(new RegExp(`^${DIMENSION}(?:,${DIMENSION})?$`), {
    message: `groupBy must be one or two of ${STATS_DIMENSIONS.join(', ')}, comma-separated`,
  })
  groupBy!: string;

  @IsOptional()
  @IsUUID()
  servicePointId?: string;
}
