import { MigrationInterface } from 'typeorm';
import { CreateOutbox1764100000000 } from './1764100000000-create-outbox';
import { CreateRequestsAndInbox1764200000000 } from './1764200000000-create-requests-and-inbox';
import { TrackTimeLimits1764300000000 } from './1764300000000-track-time-limits';
import { CreateExpiryAlerts1764400000000 } from './1764400000000-create-expiry-alerts';
import { TrackWholeCaseLimit1764500000000 } from './1764500000000-track-whole-case-limit';
import { CreateFunds1764600000000 } from './1764600000000-create-funds';
import { TrackProgressReports1764700000000 } from './1764700000000-track-progress-reports';
import { CreateSupervisedEscalations1764800000000 } from './1764800000000-create-supervised-escalations';
import { TrackMilestonesForTheMonitor1764900000000 } from './1764900000000-track-milestones-for-the-monitor';
import { RecordWhenTheStreamStoredInboundMessages1765100000000 } from './1765100000000-record-when-the-stream-stored-inbound-messages';
import { CreateAuditRecords1765142000000 } from './1765142000000-create-audit-records';
import { CreateUserAccounts1765300000000 } from '@enforcement-link/platform';
import { LockAndReadTheAuditHeadInOneCall1765400000000 } from './1765400000000-lock-and-read-the-audit-head-in-one-call';
import { KeepDocumentsUploadedWhileNatsIsUnreachable1765500000000 } from './1765500000000-keep-documents-uploaded-while-nats-is-unreachable';

/** Every schema change of a court node's database, oldest first; never edit one after merge. */
export const courtNodeMigrations: (new () => MigrationInterface)[] = [
  CreateOutbox1764100000000,
  CreateRequestsAndInbox1764200000000,
  TrackTimeLimits1764300000000,
  CreateExpiryAlerts1764400000000,
  TrackWholeCaseLimit1764500000000,
  CreateFunds1764600000000,
  TrackProgressReports1764700000000,
  CreateSupervisedEscalations1764800000000,
  TrackMilestonesForTheMonitor1764900000000,
  RecordWhenTheStreamStoredInboundMessages1765100000000,
  CreateAuditRecords1765142000000,
  CreateUserAccounts1765300000000,
  LockAndReadTheAuditHeadInOneCall1765400000000,
  KeepDocumentsUploadedWhileNatsIsUnreachable1765500000000,
];
