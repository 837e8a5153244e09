import {
  MEETING_AGENDA_ITEM_MAX,
  MEETING_AGENDA_MAX_ITEMS,
  MEETING_CAPACITY_MAX,
  MEETING_CHANGE_SCOPES,
  MEETING_DESCRIPTION_MAX,
  MEETING_FORMATS,
  MEETING_LOCATION_MAX,
  MEETING_TITLE_MAX,
  MONTHLY_RULES,
  RSVP_STATUSES,
  SERIES_FREQUENCIES,
  type CancelMeetingRequest,
  type CreateMeetingRequest,
  type MeetingChangeScope,
  type MeetingFormat,
  type MeetingListQuery,
  type MonthlyRule,
  type RsvpRequest,
  type RsvpStatus,
  type SeriesFrequency,
  type SeriesRuleDto,
  type UpdateMeetingRequest,
} from '@treffpunkt/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimItems = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
/** An instant: date, time and a zone designator (Z or ±hh:mm), so nothing depends on the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const INSTANT_MESSAGE = { message: '$property must be an ISO 8601 instant with a time zone, e.g. 2027-03-28T08:00:00Z' };
const notUndefined = (_: object, value: unknown) => value !== undefined;

export class SeriesRuleDtoClass implements SeriesRuleDto {
  @IsIn(SERIES_FREQUENCIES)
  frequency!: SeriesFrequency;

  @IsOptional()
  @IsIn(MONTHLY_RULES)
  monthlyRule?: MonthlyRule;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  until!: string;
}

const TITLE = [Transform(trim), IsString(), Length(1, MEETING_TITLE_MAX)];
const FORMAT = [IsIn(MEETING_FORMATS)];
const TIME = [IsString(), Matches(INSTANT, INSTANT_MESSAGE), IsISO8601({ strict: true })];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators.reverse()) decorator(target, key);
  };

/** Optional fields that create and update share (null clears them). */
class MeetingOptionalFieldsDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MEETING_LOCATION_MAX)
  location?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MEETING_CAPACITY_MAX)
  capacity?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(MEETING_DESCRIPTION_MAX)
  description?: string;

  @IsOptional()
  @Transform(trimItems)
  @IsArray()
  @ArrayMaxSize(MEETING_AGENDA_MAX_ITEMS)
  @IsString({ each: true })
  @Length(1, MEETING_AGENDA_ITEM_MAX, { each: true })
  agenda?: string[];

  @IsOptional()
  @IsUUID()
  minutesDocumentId?: string | null;
}

export class CreateMeetingDto extends MeetingOptionalFieldsDto implements CreateMeetingRequest {
  @apply(...TITLE)
  title!: string;

  @apply(...FORMAT)
  format!: MeetingFormat;

  @apply(...TIME)
  startsAt!: string;

  @apply(...TIME)
  endsAt!: string;

  @IsOptional()
  @IsUUID()
  spaceId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => SeriesRuleDtoClass)
  series?: SeriesRuleDtoClass;
}

/** Absent fields stay as they are; title, format and times cannot be cleared (null is rejected). */
export class UpdateMeetingDto extends MeetingOptionalFieldsDto implements UpdateMeetingRequest {
  @IsOptional()
  @IsIn(MEETING_CHANGE_SCOPES)
  scope?: MeetingChangeScope;

  @ValidateIf(notUndefined)
  @apply(...TITLE)
  title?: string;

  @ValidateIf(notUndefined)
  @apply(...FORMAT)
  format?: MeetingFormat;

  @ValidateIf(notUndefined)
  @apply(...TIME)
  startsAt?: string;

  @ValidateIf(notUndefined)
  @apply(...TIME)
  endsAt?: string;
}

export class CancelMeetingDto implements CancelMeetingRequest {
  @IsOptional()
  @IsIn(MEETING_CHANGE_SCOPES)
  scope?: MeetingChangeScope;
}

export class RsvpDto implements RsvpRequest {
  @IsIn(RSVP_STATUSES)
  status!: RsvpStatus;
}

export class MeetingListQueryDto implements MeetingListQuery {
  @IsOptional()
  @Matches(INSTANT, INSTANT_MESSAGE)
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @Matches(INSTANT, INSTANT_MESSAGE)
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsUUID()
  spaceId?: string;

  @IsOptional()
  @IsIn(MEETING_FORMATS)
  format?: MeetingFormat;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeCancelled?: boolean;
}
