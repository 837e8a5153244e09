import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { SpacesController } from './spaces.controller.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesService } from './spaces.service.js';

@Module({
  imports: [UsersModule, OrganisationsModule],
  controllers: [SpacesController],
  providers: [SpacesRepository, SpacesService],
  exports: [SpacesRepository],
})
export class SpacesModule {}
