import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '../../common/openapi/decorators.js';
import type { Page, PostDto, PostRevisionDto, PostWriteResponse } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import { CreatePostDto, PostPageQueryDto, UpdatePostDto } from './dto/forum.dto.js';
import { ForumService } from './forum.service.js';

@ApiTags('forum')
@ApiBearerAuth()
@Controller()
export class PostsController {
  constructor(@Inject(ForumService) private readonly forum: ForumService) {}

  @Get('threads/:id/posts')
  list(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PostPageQueryDto,
  ): Promise<Page<PostDto>> {
    return this.forum.listPosts({ user, ip }, id, query);
  }

  @Post('threads/:id/posts')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreatePostDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<PostWriteResponse> {
    return this.forum.createPost({ user, ip }, id, body, key);
  }

  @Patch('posts/:id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePostDto,
  ): Promise<PostWriteResponse> {
    return this.forum.updatePost({ user, ip }, id, body);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @ClientIp() ip: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.forum.deletePost({ user, ip }, id);
  }

  @Get('posts/:id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PostRevisionDto[]> {
    return this.forum.revisions(user, id);
  }
}
