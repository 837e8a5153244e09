import {
  FIELDS_OF_ACTION,
  ORGANISATION_CITY_MAX,
  ORGANISATION_TYPES,
  TARGET_GROUPS,
  type FieldOfAction,
  type OrganisationListQuery,
  type OrganisationType,
  type TargetGroup,
} from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const booleanFlag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListOrganisationsQueryDto extends PageQueryDto implements OrganisationListQuery {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(ORGANISATION_CITY_MAX)
  city?: string;

  @IsOptional()
  @IsIn(FIELDS_OF_ACTION)
  field?: FieldOfAction;

  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean({ message: 'includeArchived must be true or false' })
  includeArchived?: boolean;
}
