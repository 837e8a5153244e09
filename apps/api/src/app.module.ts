import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './common/config/app-config.js';
import { AppConfigModule } from './common/config/config.module.js';
import { EventsModule } from './common/events/events.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AccessModule } from './modules/access/access.module.js';
import { AdminModule } from './modules/admin/admin.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { ForumModule } from './modules/forum/forum.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdempotencyModule } from './modules/idempotency/idempotency.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { PrivacyModule } from './modules/privacy/privacy.module.js';
import { RealtimeModule } from './modules/realtime/realtime.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { SeedModule } from './modules/seed/seed.module.js';
import { SpacesModule } from './modules/spaces/spaces.module.js';
import { StatisticsModule } from './modules/statistics/statistics.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.databaseUrl),
        EventsModule,
        AuditModule,
        AccessModule,
        IdempotencyModule,
        MailModule,
        HealthModule,
        OrganisationsModule,
        UsersModule,
        AuthModule,
        InvitationsModule,
        SpacesModule,
        ForumModule,
        DocumentsModule,
        SearchModule,
        RealtimeModule,
        NotificationsModule,
        MeetingsModule,
        StatisticsModule,
        PrivacyModule,
        AdminModule,
        SeedModule,
      ],
    };
  }
}
