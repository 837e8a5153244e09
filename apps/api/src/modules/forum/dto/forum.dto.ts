import {
  POST_ATTACHMENTS_MAX,
  POST_BODY_MAX,
  SUBSCRIPTION_LEVELS,
  THREAD_KINDS,
  THREAD_TITLE_MAX,
  type CreatePostRequest,
  type CreateThreadRequest,
  type LegalHoldRequest,
  type MarkReadRequest,
  type SaveDraftRequest,
  type SubscriptionLevel,
  type ThreadKind,
  type UpdatePostRequest,
  type UpdateThreadRequest,
} from '@treffpunkt/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NOT_BLANK = { message: 'must not be empty' };

export class CreateThreadDto implements CreateThreadRequest {
  @Transform(trim)
  @IsString()
  @Length(1, THREAD_TITLE_MAX)
  title!: string;

  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? '' : value))
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(POST_BODY_MAX)
  body!: string;

  @IsOptional()
  @IsIn(THREAD_KINDS)
  kind?: ThreadKind;

  @IsOptional()
  @IsBoolean()
  acknowledgePii?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POST_ATTACHMENTS_MAX)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class UpdateThreadDto implements UpdateThreadRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, THREAD_TITLE_MAX)
  title?: string;

  @IsOptional()
  @IsBoolean()
  pinned?: boolean;

  @IsOptional()
  @IsBoolean()
  locked?: boolean;
}

export class LegalHoldDto implements LegalHoldRequest {
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason!: string | null;
}

export class CreatePostDto implements CreatePostRequest {
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? '' : value))
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(POST_BODY_MAX)
  body!: string;

  @IsOptional()
  @IsUUID()
  replyToPostId?: string;

  @IsOptional()
  @IsBoolean()
  acknowledgePii?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POST_ATTACHMENTS_MAX)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class UpdatePostDto implements UpdatePostRequest {
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? '' : value))
  @IsNotEmpty(NOT_BLANK)
  @MaxLength(POST_BODY_MAX)
  body!: string;

  @IsOptional()
  @IsBoolean()
  acknowledgePii?: boolean;
}

export class SaveDraftDto implements SaveDraftRequest {
  @IsOptional()
  @IsString()
  @MaxLength(THREAD_TITLE_MAX)
  title?: string;

  @IsString()
  @MaxLength(POST_BODY_MAX)
  body!: string;
}

export class MarkReadDto implements MarkReadRequest {
  @IsInt()
  @Min(0)
  seq!: number;
}

export class SetThreadSubscriptionDto {
  @IsIn(SUBSCRIPTION_LEVELS)
  level!: SubscriptionLevel;
}

export class PostPageQueryDto extends PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  fromSeq?: number;
}
