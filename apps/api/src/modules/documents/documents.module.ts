import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { BlobStore } from './blob-store.js';
import { DocumentsMaintenanceService } from './documents-maintenance.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { FoldersController } from './folders.controller.js';

@Module({
  imports: [UsersModule],
  controllers: [FoldersController, DocumentsController],
  providers: [DocumentsRepository, BlobStore, DocumentsService, DocumentsMaintenanceService],
  exports: [DocumentsService, DocumentsMaintenanceService, BlobStore],
})
export class DocumentsModule {}
