import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a PEM
      // public key on every verify (and throws), which cost more than the HMAC itself.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [RefreshTokensRepository, SessionsService],
  exports: [SessionsService, JwtModule],
})
export class SessionsModule {}
