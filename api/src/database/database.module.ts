import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ensurePrivateDatabaseFiles } from '../common/private-file';
import { WriteQueue } from '../common/write-queue';
import { MIGRATIONS } from './migrations';

interface SqliteHandle {
  pragma(statement: string): unknown;
}

export function typeOrmOptions(config: AppConfig): TypeOrmModuleOptions {
  const common = {
    autoLoadEntities: true,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    logging: false,
  };
  if (config.database.type === 'postgres') {
    return { ...common, type: 'postgres', url: config.database.url, extra: { max: 10 } };
  }
  mkdirSync(dirname(config.database.path), { recursive: true, mode: 0o700 });
  // Created 0600 before SQLite opens it, so its -wal and -shm are too (SQLite copies the mode).
  ensurePrivateDatabaseFiles(config.database.path);
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    prepareDatabase: (db: SqliteHandle) => {
      db.pragma('journal_mode = WAL');
      // Every acknowledged write is on disk; deleted data is overwritten, not left in free pages.
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => typeOrmOptions(config),
    }),
  ],
  providers: [WriteQueue],
  exports: [WriteQueue],
})
export class DatabaseModule {}
