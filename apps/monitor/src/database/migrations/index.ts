import { MigrationInterface } from 'typeorm';

/** Every schema change of the monitor's database, oldest first; never edit one after merge. */
export const monitorMigrations: (new () => MigrationInterface)[] = [];
