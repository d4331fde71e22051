import { IsIn, IsUUID } from 'class-validator';
import { IsCourtCode } from '../courts/court-code';
import { IsCaseNumber } from '../identifiers/case-number';
import { Described } from '../validation/described';
import { OptionalField } from '../validation/optional-field';
import { IsTimestamp } from '../values/time';
import { Text } from '../messages/parts/text';

/** Which limit passed: the current step's, or the whole request's (six months by default). */
export const ESCALATED_LIMITS = ['step', 'whole-case'] as const;
export type EscalatedLimit = (typeof ESCALATED_LIMITS)[number];

@Described(
  '`request.escalated` event — a requesting court escalated a request whose time limit passed. Published for the enforcement command centres on `<namespace>.events.v1.<court>.request.escalated`, whether or not a superior court was told.',
)
export class RequestEscalatedEvent {
  /** Unique per event; also its `Nats-Msg-Id`. */
  @IsUUID('all', { message: 'a UUID' })
  id: string;

  /** The court that escalated: the requesting court. */
  @IsCourtCode()
  court: string;

  @IsTimestamp()
  occurredAt: string;

  @IsUUID('all', { message: 'a UUID' })
  requestId: string;

  @IsCourtCode()
  requestingCourt: string;

  /** The court whose limit passed. */
  @IsCourtCode()
  receivingCourt: string;

  /** The superior court told to supervise; absent when the directory names none. */
  @OptionalField()
  @IsCourtCode()
  supervisingCourt?: string;

  @IsCaseNumber()
  caseNumber: string;

  @IsIn(ESCALATED_LIMITS, { message: `one of ${ESCALATED_LIMITS.join(', ')}` })
  limit: EscalatedLimit;

  @IsTimestamp()
  overdueSince: string;

  @Text(2000)
  reason: string;
}
