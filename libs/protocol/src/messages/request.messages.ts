import { ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { IsCourtCode } from '../courts/court-code';
import { IsCaseNumber } from '../identifiers/case-number';
import { RequestState } from '../lifecycle/request-state';
import { Nested, NestedList } from '../validation/nested';
import { OptionalField } from '../validation/optional-field';
import { IsCalendarDate, IsTimestamp } from '../values/time';
import { ContactPerson } from './delegation.messages';
import { DocumentReference } from './parts/document-reference';
import { Text } from './parts/text';
import { Described } from '../validation/described';
import { IsOneOf } from '../validation/is-one-of';

@Described(
  '`request.accepted` — the receiving court signed the request in: it registered it under its own case number and assigned a handler. Its time limit to finish now runs.',
)
export class RequestAcceptedBody {
  /** The receiving court's own case number for this request. */
  @IsCaseNumber()
  receivingCaseNumber: string;

  @Nested(() => ContactPerson)
  handler: ContactPerson;
}

export const RETURN_REASONS = [
  'MATERIALS_INCOMPLETE',
  'NOT_IN_JURISDICTION',
  'PARTY_IDENTITY_INVALID',
  'DUPLICATE',
  'OTHER',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

@Described(
  '`request.returned` — the receiving court will not handle the request, and says why. Final.',
)
export class RequestReturnedBody {
  @IsOneOf(RETURN_REASONS)
  reason: ReturnReason;

  @Text(2000)
  explanation: string;
}

@Described(
  '`request.withdrawn` — the requesting court calls the request off before it closed. Final.',
)
export class RequestWithdrawnBody {
  @Text(2000)
  reason: string;
}

@Described(
  '`request.forwarded` — the receiving court passed the task to another court (typically a basic court in its district), which now handles it and will answer the requester directly.',
)
export class RequestForwardedBody {
  @IsCourtCode()
  handlingCourt: string;

  @Text(2000)
  reason: string;
}

@Described('`supplement.requested` — the receiving court needs more material before it can go on.')
export class SupplementRequestedBody {
  @IsArray({ message: 'a list of what is missing' })
  @ArrayMinSize(1, { message: 'at least one missing item' })
  @Text(500, { each: true })
  missing: string[];

  /** After this date without a supplement, the request counts as withdrawn. */
  @IsCalendarDate()
  dueOn: string;
}

@Described('`supplement.provided` — the requesting court sends what was asked for.')
export class SupplementProvidedBody {
  @Text(2000)
  explanation: string;

  @NestedList(() => DocumentReference, 50)
  documents: DocumentReference[];
}

@Described('`progress.reported` — the receiving court says where the work stands.')
export class ProgressReportedBody {
  @Text(4000)
  summary: string;

  @NestedList(() => DocumentReference, 50)
  documents: DocumentReference[];
}

@Described(
  '`progress.requested` — the requesting court asks for a progress report: the matter is unfinished after the progress-report limit (30 days from acceptance by default). The receiving court answers with `progress.reported`.',
)
export class ProgressRequestedBody {
  /** When the progress report fell due. */
  @IsTimestamp()
  dueAt: string;
}

@Described('`result.confirmed` — the requesting court accepts the result; the request is closed.')
export class ResultConfirmedBody {
  @OptionalField()
  @Text(2000)
  note?: string;
}

@Described('`result.disputed` — the requesting court does not accept the result; work resumes.')
export class ResultDisputedBody {
  @Text(2000)
  reason: string;
}

@Described(
  '`request.reminded` — a time limit is running out: sent at 50% and 80% of the time allowed.',
)
export class RequestRemindedBody {
  @IsIn([50, 80], { message: '50 or 80 (percent of the time allowed)' })
  elapsedPercent: 50 | 80;

  @IsTimestamp()
  dueAt: string;
}

@Described('`request.escalated` — a time limit passed; the superior court is asked to supervise.')
export class RequestEscalatedBody {
  /** The superior court now supervising. */
  @IsCourtCode()
  supervisingCourt: string;

  /**
   * The court whose limit passed: the receiving court, unless it has been forwarded since.
   * Needed by the supervising court, which has no record of the request.
   */
  @OptionalField()
  @IsCourtCode()
  receivingCourt?: string;

  /** The requesting court's case number, for the supervising court's records. */
  @OptionalField()
  @IsCaseNumber()
  caseNumber?: string;

  @IsTimestamp()
  overdueSince: string;

  @Text(2000)
  reason: string;
}

@Described('`status.queried` — either court asks the other where a request stands.')
export class StatusQueriedBody {
  @OptionalField()
  @Text(500)
  question?: string;
}

@Described(
  "`status.reported` — the answer to `status.queried`: the request's state as this court sees it.",
)
export class StatusReportedBody {
  @IsOneOf(Object.values(RequestState))
  state: RequestState;

  @IsTimestamp()
  stateSince: string;

  @OptionalField()
  @IsTimestamp()
  dueAt?: string;
}
