import {
  DOCUMENT_NAME_MAX,
  FOLDER_NAME_MAX,
  type CreateFolderRequest,
  type DownloadQuery,
  type UpdateDocumentRequest,
  type UpdateFolderRequest,
} from '@treffpunkt/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateFolderDto implements CreateFolderRequest {
  @Transform(trim)
  @IsString()
  @Length(1, FOLDER_NAME_MAX)
  name!: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  parentId?: string | null;
}

export class UpdateFolderDto implements UpdateFolderRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, FOLDER_NAME_MAX)
  name?: string;

  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsUUID()
  parentId?: string | null;
}

export class UpdateDocumentDto implements UpdateDocumentRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, DOCUMENT_NAME_MAX)
  name?: string;

  @IsOptional()
  @IsUUID()
  folderId?: string;
}

export class DownloadQueryDto implements DownloadQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean()
  inline?: boolean;
}
