import { SEARCH_QUERY_MAX, SEARCH_SCOPES, type SearchScope } from '@treffpunkt/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';

export class SearchQueryDto extends PageQueryDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replaceAll(String.fromCharCode(0), '').trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(SEARCH_QUERY_MAX)
  q!: string;

  @IsOptional()
  @IsIn(SEARCH_SCOPES)
  type?: SearchScope;

  @IsOptional()
  @IsUUID()
  spaceId?: string;
}
