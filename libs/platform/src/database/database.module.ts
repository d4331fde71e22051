import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { DatabaseHealthCheck } from './database.health-check';
import { claimDatabase } from './database-owner';
import { DatabaseTls } from './database-tls';
import { ensureDatabaseExists } from './ensure-database';
import { PreparingClient } from './preparing-client';
import { withSchemaLock } from './schema-lock';
import { isTransientDatabaseError } from './transient-database-error';

type Constructor<T> = new (...args: never[]) => T;

export interface DatabaseModuleOptions {
  url: string;
  /** Who this database belongs to: a court code, or `monitor`. */
  owner: string;
  migrations: Constructor<MigrationInterface>[];
  entities?: (Constructor<object> | EntitySchema)[];
  /** Connections kept open at most; the pg driver's default is 10. */
  poolSize?: number;
  /** TLS to the server (DATABASE_SSL_MODE); undefined leaves it to the URL. */
  tls?: DatabaseTls;
}

/**
 * The service's own PostgreSQL database: created if missing, claimed for its owner, migrated
 * (never synchronised) before anything else uses it. A server that is down at start-up is
 * waited for; a database owned by another service or a failing migration stops the start.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url: options.url,
            applicationName: options.owner,
            ...(options.poolSize ? { poolSize: options.poolSize } : {}),
            ...(options.tls !== undefined ? { ssl: options.tls } : {}),
            extra: { Client: PreparingClient },
            entities: options.entities ?? [],
            migrations: options.migrations,
            synchronize: false,
            migrationsRun: false,
            retryAttempts: 10,
            retryDelay: 3_000,
            toRetry: isTransientDatabaseError,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            await ensureDatabaseExists(options.url, options.tls);
            const dataSource = await new DataSource(
              dataSourceOptions as DataSourceOptions,
            ).initialize();
            try {
              await withSchemaLock(dataSource, async () => {
                await claimDatabase(dataSource, options.owner);
                await dataSource.runMigrations({ transaction: 'each' });
              });
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseHealthCheck],
      exports: [DatabaseHealthCheck],
    };
  }
}
