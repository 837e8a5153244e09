import {
  FIELDS_OF_ACTION,
  ORGANISATION_ADDRESS_MAX,
  ORGANISATION_CITY_MAX,
  ORGANISATION_CONTACTS_MAX,
  ORGANISATION_DESCRIPTION_MAX,
  ORGANISATION_NAME_MAX,
  ORGANISATION_PHONE_MAX,
  ORGANISATION_TYPES,
  ORGANISATION_WEBSITE_MAX,
  POSTCODE_PATTERN,
  TARGET_GROUPS,
  type CreateOrganisationRequest,
  type FieldOfAction,
  type OrganisationType,
  type TargetGroup,
  type UpdateOrganisationRequest,
} from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

/** Trims text; an empty optional field means "none". */
const optionalText = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== undefined;

/** Fields create and update share; absent stays, null clears. */
class OrganisationFieldsDto {
  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(ORGANISATION_DESCRIPTION_MAX)
  description?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(ORGANISATION_ADDRESS_MAX)
  address?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(ORGANISATION_CITY_MAX)
  city?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be five digits' })
  postcode?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(ORGANISATION_WEBSITE_MAX)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(ORGANISATION_PHONE_MAX)
  @Matches(/^[0-9+()\-/ .]*$/, { message: 'phone may contain digits, spaces and + ( ) - / .' })
  phone?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(FIELDS_OF_ACTION, { each: true })
  fieldsOfAction?: FieldOfAction[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups?: TargetGroup[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ORGANISATION_CONTACTS_MAX)
  @IsUUID('all', { each: true })
  contactPersonIds?: string[];
}

export class CreateOrganisationDto extends OrganisationFieldsDto implements CreateOrganisationRequest {
  @Transform(trim)
  @IsString()
  @Length(2, ORGANISATION_NAME_MAX)
  name!: string;

  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;
}

/** Name and type cannot be cleared (null is rejected). */
export class UpdateOrganisationDto extends OrganisationFieldsDto implements UpdateOrganisationRequest {
  @ValidateIf(present)
  @Transform(trim)
  @IsString()
  @Length(2, ORGANISATION_NAME_MAX)
  name?: string;

  @ValidateIf(present)
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;
}
