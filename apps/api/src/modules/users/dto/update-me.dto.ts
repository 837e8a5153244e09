import { HANDLE_PATTERN, LOCALES, type Locale, type UpdateMeRequest } from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateMeDto implements UpdateMeRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  displayName?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/^@/, '').toLowerCase() : value))
  @IsString()
  @Matches(HANDLE_PATTERN, { message: 'handle may contain a–z, 0–9, dot, dash and underscore (2–40 characters)' })
  handle?: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  languages?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  expertise?: string[];

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(60)
  @Matches(/^[0-9+()\-/ .]*$/, { message: 'phone may contain digits, spaces and + ( ) - / .' })
  phone?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  bio?: string | null;
}
