import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenGuard } from '../../common/auth/access-token.guard.js';
import { AccessTokenVerifier } from '../../common/auth/access-token.verifier.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';

@Module({
  imports: [UsersModule, SessionsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginAttemptsRepository,
    LoginThrottleService,
    PasswordResetTokensRepository,
    AccessTokenVerifier,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
  ],
  exports: [AuthService, AccessTokenVerifier],
})
export class AuthModule {}
