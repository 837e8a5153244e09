import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { SearchController } from './search.controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

@Module({ imports: [UsersModule], controllers: [SearchController], providers: [SearchRepository, SearchService] })
export class SearchModule {}
