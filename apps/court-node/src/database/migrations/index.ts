import { MigrationInterface } from 'typeorm';

/** Every schema change of a court node's database, oldest first; never edit one after merge. */
export const courtNodeMigrations: (new () => MigrationInterface)[] = [];
