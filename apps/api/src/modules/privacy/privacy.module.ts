import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { UsersModule } from '../users/users.module.js';
import { DataExportWorker } from './data-export.worker.js';
import { DataExportBuilder } from './export-builder.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyService } from './privacy.service.js';

/** GDPR self-service: personal data exports (background job) and erasure of a person. */
@Module({
  imports: [UsersModule, DocumentsModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, DataExportBuilder, DataExportWorker, PrivacyService],
  exports: [DataExportWorker],
})
export class PrivacyModule {}
