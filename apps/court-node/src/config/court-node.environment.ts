import {
  ASSET_CATEGORIES,
  AssetCategory,
  HEARTBEAT_INTERVAL_SECONDS,
  IsCourtCode,
  IsOneOf,
  OptionalField,
} from '@enforcement-link/protocol';
import { DEFAULT_INBOX_CONCURRENCY } from '@enforcement-link/messaging';
import { ServiceEnvironment } from '@enforcement-link/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { IsDeadlinePolicyFile } from '../deadlines/load-deadline-policy';
import { IsSigningKeySeedFile } from '../signing/signing-key-file';

const MAX_DELIVERIES_RULE = 'a whole number of deliveries from 1 to 1000';
const RETRY_DELAY_RULE = 'a delay in milliseconds from 10 to 60000';
const CHECK_INTERVAL_RULE = 'a delay in milliseconds from 1000 to 3600000';
const CONCURRENCY_RULE = 'a whole number of messages from 1 to 1024';
const HEARTBEAT_RULE = 'a whole number of seconds from 1 to 300';
const MAX_AGE_RULE = 'a whole number of hours from 1 to 8760';
const CLOCK_SKEW_RULE = 'a whole number of seconds from 0 to 3600';

/**
 * `required`: every message this node sends is signed, and every message it receives must be
 * signed by a registered key of its sender. `optional`, for the weeks of a rollout only: it signs
 * when it has a key, and takes unsigned messages, though a signed message must
 * still be signed right.
 */
export const MESSAGE_SIGNATURE_MODES = ['required', 'optional'] as const;
export type MessageSignatureMode = (typeof MESSAGE_SIGNATURE_MODES)[number];

/** What a court node reads from its environment at start-up; see docs/CONFIGURATION.md. */
export class CourtNodeEnvironment extends ServiceEnvironment {
  /** The court this node runs for, e.g. `xinzhou`. One node, one court, one database. */
  @IsCourtCode()
  COURT_ID: string;

  /** After this many failed deliveries a message is parked in the dead-letter table. */
  @Type(() => Number)
  @IsInt({ message: MAX_DELIVERIES_RULE })
  @Min(1, { message: MAX_DELIVERIES_RULE })
  @Max(1000, { message: MAX_DELIVERIES_RULE })
  INBOX_MAX_DELIVERIES = 10;

  /** Delay before the second delivery of a message that failed; it doubles up to 30 s. */
  @Type(() => Number)
  @IsInt({ message: RETRY_DELAY_RULE })
  @Min(10, { message: RETRY_DELAY_RULE })
  @Max(60_000, { message: RETRY_DELAY_RULE })
  INBOX_RETRY_DELAY_MS = 250;

  /** Batches of messages handled at the same time; each holds one database connection while it runs. */
  @Type(() => Number)
  @IsInt({ message: CONCURRENCY_RULE })
  @Min(1, { message: CONCURRENCY_RULE })
  @Max(1024, { message: CONCURRENCY_RULE })
  INBOX_CONCURRENCY = DEFAULT_INBOX_CONCURRENCY;

  /** Asset categories the local registry answers without a handler, comma-separated. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((category) => category.trim()) : value,
  )
  @IsOneOf(ASSET_CATEGORIES, { each: true })
  ASSET_REGISTRY_CATEGORIES: AssetCategory[] = [];

  /** How often each replica looks for reminders due and time limits passed. */
  @Type(() => Number)
  @IsInt({ message: CHECK_INTERVAL_RULE })
  @Min(1_000, { message: CHECK_INTERVAL_RULE })
  @Max(3_600_000, { message: CHECK_INTERVAL_RULE })
  DEADLINE_CHECK_INTERVAL_MS = 60_000;

  /** How often the node tells the monitor it is alive and how its transport is doing. */
  @Type(() => Number)
  @IsInt({ message: HEARTBEAT_RULE })
  @Min(1, { message: HEARTBEAT_RULE })
  @Max(300, { message: HEARTBEAT_RULE })
  HEARTBEAT_INTERVAL_SECONDS = HEARTBEAT_INTERVAL_SECONDS;

  /** A JSON file of time limits and holidays replacing the defaults; see docs/CONFIGURATION.md. */
  @OptionalField()
  @IsDeadlinePolicyFile()
  DEADLINE_POLICY_FILE?: string;

  /** Fill the local asset registry with the sample records of docs and tests when it is empty. */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'true or false' })
  ASSET_REGISTRY_SAMPLE_DATA = false;

  @IsOneOf(MESSAGE_SIGNATURE_MODES)
  MESSAGE_SIGNATURES: MessageSignatureMode = 'required';

  /** The court's private signing key: a file holding its nkeys seed, readable by the node only. */
  @ValidateIf(
    (environment: CourtNodeEnvironment, value: unknown) =>
      environment.MESSAGE_SIGNATURES === 'required' || value !== undefined,
  )
  @IsSigningKeySeedFile()
  SIGNING_KEY_SEED_FILE?: string;

  /** How long before JetStream stored it a message may say it was sent: outlasts outages. */
  @Type(() => Number)
  @IsInt({ message: MAX_AGE_RULE })
  @Min(1, { message: MAX_AGE_RULE })
  @Max(8760, { message: MAX_AGE_RULE })
  MESSAGE_MAX_AGE_HOURS = 720;

  /** How far after JetStream stored it a message may say it was sent: the courts' clocks differ. */
  @Type(() => Number)
  @IsInt({ message: CLOCK_SKEW_RULE })
  @Min(0, { message: CLOCK_SKEW_RULE })
  @Max(3600, { message: CLOCK_SKEW_RULE })
  MESSAGE_MAX_CLOCK_SKEW_SECONDS = 300;
}
