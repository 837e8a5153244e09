import { Module } from '@nestjs/common';
import { ForumModule } from '../forum/forum.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { MeetingRemindersJob } from './meeting-reminders.job.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [ForumModule],
  controllers: [MeetingsController, CalendarController],
  providers: [MeetingsRepository, MeetingsService, CalendarService, MeetingRemindersJob],
  exports: [MeetingsService, MeetingsRepository, MeetingRemindersJob],
})
export class MeetingsModule {}
