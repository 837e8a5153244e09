import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { StatisticsModule } from '../statistics/statistics.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoConsultationsSeeder } from './demo-consultations.js';
import { DemoMeetingsSeeder } from './demo-meetings.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [OrganisationsModule, UsersModule, SpacesModule, ForumModule, StatisticsModule, MeetingsModule],
  providers: [DemoSeedService, DemoConsultationsSeeder, DemoMeetingsSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
