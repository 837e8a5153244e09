import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '../../common/openapi/decorators.js';
import type { LoginResponse, UserDto } from '@treffpunkt/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, Public } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, LoginDto, PasswordResetCompleteDto, PasswordResetRequestDto } from './dto/auth.dto.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(UsersService) private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @ClientIp() ip: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, ip);
    setRefreshCookie(reply, this.config, result.refreshToken, result.refreshExpiresAt);
    return result.response;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: FastifyRequest,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    try {
      const result = await this.auth.refresh(readRefreshCookie(request), ip);
      setRefreshCookie(reply, this.config, result.refreshToken, result.refreshExpiresAt);
      return result.response;
    } catch (error) {
      clearRefreshCookie(reply, this.config);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @ClientIp() ip: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(readRefreshCookie(request), ip);
    clearRefreshCookie(reply, this.config);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.getProfile(user.id);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.changePassword(user, body.currentPassword, body.newPassword, ip);
    setRefreshCookie(reply, this.config, result.refreshToken, result.refreshExpiresAt);
    return result.response;
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  async requestReset(@Body() body: PasswordResetRequestDto, @ClientIp() ip: string): Promise<void> {
    await this.auth.requestPasswordReset(body.email, ip);
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(204)
  async completeReset(@Body() body: PasswordResetCompleteDto, @ClientIp() ip: string): Promise<void> {
    await this.auth.completePasswordReset(body.token, body.password, ip);
  }
}
