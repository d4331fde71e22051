import { MigrationInterface } from 'typeorm';
import { CreateProjection1765000000000 } from './1765000000000-create-projection';
import { WitnessAuditHeads1765142000000 } from './1765142000000-witness-audit-heads';
import { CreateUserAccounts1765300000000 } from '@enforcement-link/platform';

/** Every schema change of the monitor's database, oldest first; never edit one after merge. */
export const monitorMigrations: (new () => MigrationInterface)[] = [
  CreateProjection1765000000000,
  WitnessAuditHeads1765142000000,
  CreateUserAccounts1765300000000,
];
