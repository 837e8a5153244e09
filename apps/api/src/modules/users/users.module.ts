import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { UserAuthStateCache } from './user-auth-state.cache.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [OrganisationsModule, SessionsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, UserAuthStateCache],
  exports: [UsersRepository, UsersService, UserAuthStateCache],
})
export class UsersModule {}
