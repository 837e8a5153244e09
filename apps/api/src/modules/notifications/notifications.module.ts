import { Module } from '@nestjs/common';
import { DigestJob } from './digest.job.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsListener } from './notifications.listener.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationsListener, DigestJob],
  exports: [NotificationsService],
})
export class NotificationsModule {}
