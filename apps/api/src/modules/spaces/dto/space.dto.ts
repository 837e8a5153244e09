import {
  SLUG_PATTERN,
  SPACE_ROLES,
  SPACE_VISIBILITIES,
  SUBSCRIPTION_LEVELS,
  type AddSpaceMemberRequest,
  type CreateSpaceRequest,
  type SetSubscriptionRequest,
  type SpaceRole,
  type SpaceVisibility,
  type SubscriptionLevel,
  type UpdateSpaceRequest,
} from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSpaceDto implements CreateSpaceRequest {
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name!: string;

  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug may contain a–z, 0–9 and dashes (1–60 characters)' })
  slug?: string;

  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description!: string;

  @IsIn(SPACE_VISIBILITIES)
  visibility!: SpaceVisibility;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  caseRetentionMonths?: number;
}

export class UpdateSpaceDto implements UpdateSpaceRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @IsOptional()
  @IsIn(SPACE_VISIBILITIES)
  visibility?: SpaceVisibility;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  caseRetentionMonths?: number;

  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class AddSpaceMemberDto implements AddSpaceMemberRequest {
  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsIn(SPACE_ROLES)
  role!: SpaceRole;
}

export class SetSubscriptionDto implements SetSubscriptionRequest {
  @IsIn(SUBSCRIPTION_LEVELS)
  level!: SubscriptionLevel;
}
