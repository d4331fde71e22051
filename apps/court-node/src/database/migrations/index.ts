import { MigrationInterface } from 'typeorm';
import { CreateOutbox1764100000000 } from './1764100000000-create-outbox';

/** Every schema change of a court node's database, oldest first; never edit one after merge. */
export const courtNodeMigrations: (new () => MigrationInterface)[] = [CreateOutbox1764100000000];
