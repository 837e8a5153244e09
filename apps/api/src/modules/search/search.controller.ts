import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { DocumentSearchHitDto, Page, SearchPage } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { SearchQueryDto } from './dto/search.query.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly search: SearchService) {}

  @Get()
  find(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Query() query: SearchQueryDto,
  ): Promise<SearchPage | Page<DocumentSearchHitDto>> {
    return query.type === 'documents'
      ? this.search.searchDocuments(user, query)
      : this.search.search(user, ip, { ...query, type: query.type });
  }
}
