import { IsOptional, IsString, MaxLength } from 'class-validator';

export class MentionableQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;
}
