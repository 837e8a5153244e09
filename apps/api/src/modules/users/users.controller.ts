import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { Page, UserDto, UserListItemDto } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, RequirePermission } from '../../common/auth/decorators.js';
import { AdminUpdateUserDto } from './dto/admin-update-user.dto.js';
import { ListUsersQueryDto } from './dto/list-users.query.js';
import { UpdateMeDto } from './dto/update-me.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly service: UsersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQueryDto): Promise<Page<UserListItemDto>> {
    return this.service.list(user, query);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.service.getProfile(user.id);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.service.getDirectoryProfile(user, id);
  }

  @Patch('me')
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto, @ClientIp() ip: string): Promise<UserDto> {
    return this.service.updateMe(user, body, ip);
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  adminUpdate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AdminUpdateUserDto,
    @ClientIp() ip: string,
  ): Promise<UserDto> {
    return this.service.adminUpdate(user, id, body, ip);
  }
}
