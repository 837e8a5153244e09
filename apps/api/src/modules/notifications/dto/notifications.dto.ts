import {
  EMAIL_MODES,
  MEETING_REMINDER_HOURS_OPTIONS,
  NOTIFICATION_TYPES,
  type EmailMode,
  type MarkNotificationsReadRequest,
  type MeetingReminderHours,
  type NotificationPreferenceDto,
  type NotificationQuery,
  type NotificationType,
  type UpdateNotificationPreferencesRequest,
} from '@treffpunkt/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

export class NotificationQueryDto extends PageQueryDto implements NotificationQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

export class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class NotificationPreferenceItemDto implements NotificationPreferenceDto {
  @IsIn(NOTIFICATION_TYPES)
  type!: NotificationType;

  @IsIn(EMAIL_MODES)
  email!: EmailMode;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceItemDto)
  items!: NotificationPreferenceItemDto[];

  /** Left out: unchanged; `null` is not a choice (400). */
  @ValidateIf((_object, value) => value !== undefined)
  @IsIn(MEETING_REMINDER_HOURS_OPTIONS)
  meetingReminderHours?: MeetingReminderHours;
}
