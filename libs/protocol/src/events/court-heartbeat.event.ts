import { IsInt, Matches, Min } from 'class-validator';
import { IsCourtCode } from '../courts/court-code';
import { Described } from '../validation/described';
import { OptionalField } from '../validation/optional-field';
import { IsTimestamp } from '../values/time';

/** How often a court node announces itself to the monitor. */
export const HEARTBEAT_INTERVAL_SECONDS = 15;

@Described(
  '`court.heartbeat` event — a court node is alive, and how its transport is doing. Published every `intervalSeconds` on `<namespace>.heartbeats.v1.<court>` with core NATS (not stored: only the latest matters).',
)
export class CourtHeartbeatEvent {
  @IsCourtCode()
  court: string;

  @IsTimestamp()
  sentAt: string;

  /** When this node process started. */
  @IsTimestamp()
  startedAt: string;

  /** The next heartbeat comes within this many seconds; a monitor may call the node silent after three missed. */
  @IsInt({ message: 'a whole number of seconds from 1' })
  @Min(1, { message: 'a whole number of seconds from 1' })
  intervalSeconds: number;

  /** Messages for this court waiting in its JetStream consumer, not yet acknowledged. */
  @IsInt({ message: 'a whole number from 0' })
  @Min(0, { message: 'a whole number from 0' })
  consumerPending: number;

  /** Messages this court wrote to its outbox and has not published yet. */
  @IsInt({ message: 'a whole number from 0' })
  @Min(0, { message: 'a whole number from 0' })
  outboxPending: number;

  /** When the oldest of those was written; absent when none waits. */
  @OptionalField()
  @IsTimestamp()
  oldestOutboxAt?: string;

  /** Messages parked in the dead-letter table and not replayed. */
  @IsInt({ message: 'a whole number from 0' })
  @Min(0, { message: 'a whole number from 0' })
  deadLetters: number;

  /**
   * The newest record of the node's audit trail, `<sequence>:<SHA-256 in hex>`; absent while the
   * trail is empty. The monitor keeps the highest it heard as a witness outside the node's
   * database, which `enforcement-link audit verify --expected-head` checks the trail against.
   */
  @OptionalField()
  @Matches(/^[1-9][0-9]{0,15}:[0-9a-f]{64}$/, {
    message: 'a record number from 1, a colon and a SHA-256 in lower-case hex',
  })
  auditHead?: string;
}
