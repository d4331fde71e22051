import { MigrationInterface } from 'typeorm';
import { CreateProjection1765000000000 } from './1765000000000-create-projection';

/** Every schema change of the monitor's database, oldest first; never edit one after merge. */
export const monitorMigrations: (new () => MigrationInterface)[] = [CreateProjection1765000000000];
