import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { runMigrationsLocked } from './migrate.js';
import { PgNotifier } from './pg-notifier.js';

@Global()
@Module({})
export class DatabaseModule {
  /** Connects, then brings the schema up to date (under an advisory lock) before anything else runs. */
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(databaseUrl),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [PgNotifier],
      exports: [PgNotifier],
    };
  }
}
