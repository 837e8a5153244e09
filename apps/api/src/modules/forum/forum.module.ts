import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module.js';
import { UsersModule } from '../users/users.module.js';
import { CaseRetentionService } from './case-retention.service.js';
import { ForumRepository } from './forum.repository.js';
import { ForumService } from './forum.service.js';
import { PostsController } from './posts.controller.js';
import { ThreadsController } from './threads.controller.js';

@Module({
  imports: [SpacesModule, UsersModule],
  controllers: [ThreadsController, PostsController],
  providers: [ForumRepository, ForumService, CaseRetentionService],
  exports: [ForumRepository, ForumService, CaseRetentionService],
})
export class ForumModule {}
