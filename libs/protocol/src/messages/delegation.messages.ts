import { IsCourtCode } from '../courts/court-code';

import { ArrayMinSize, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsCaseNumber } from '../identifiers/case-number';
import { Nested, NestedList } from '../validation/nested';
import { OptionalField } from '../validation/optional-field';
import { Money } from '../values/money';
import { IsCalendarDate } from '../values/time';
import { Asset } from './parts/assets';
import { DocumentReference } from './parts/document-reference';
import { Party } from './parts/party';
import { Text } from './parts/text';
import { Described } from '../validation/described';
import { IsOneOf } from '../validation/is-one-of';

/** The enforcement matters one court can delegate to another. */
export const MATTER_TYPES = [
  'freeze-deposit',
  'renew-deposit-freeze',
  'release-deposit-freeze',
  'deduct-deposit',
  'seal-real-estate',
  'renew-real-estate-seal',
  'release-real-estate-seal',
  'transfer-real-estate-title',
  'seal-vehicle',
  'renew-vehicle-seal',
  'release-vehicle-seal',
  'transfer-vehicle-title',
  'freeze-equity',
  'investigate-assets',
  'serve-documents',
  'locate-person-or-property',
  'detain-debtor',
  'clear-premises',
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const IsMatterType = (options?: { each?: boolean }) => IsOneOf(MATTER_TYPES, options);

@Described('A person at a court who can be reached about a request.')
export class ContactPerson {
  @Text(100)
  name: string;

  @OptionalField()
  @Text(40)
  phone?: string;
}

@Described(
  '`delegation.requested` — the requesting court delegates one enforcement matter to the receiving court, with the legal documents it rests on. The receiver stores it, answers `message.delivered`, and within the time limit accepts it (`request.accepted`) or returns it (`request.returned`).',
)
export class DelegationRequestedBody {
  @IsCaseNumber()
  caseNumber: string;

  @IsMatterType()
  matterType: MatterType;

  /** Usually the debtor; for service of documents, whoever is to be served. */
  @Nested(() => Party)
  party: Party;

  /** The assets the matter concerns; empty for matters about a person. */
  @NestedList(() => Asset, 100)
  assets: Asset[];

  /** For freezes and deductions: the amount to secure or collect. */
  @OptionalField()
  @Nested(() => Money)
  amount?: Money;

  @Text(4000)
  instructions: string;

  @ArrayMinSize(1, { message: 'at least the ruling and the assistance notice' })
  @NestedList(() => DocumentReference, 50)
  documents: DocumentReference[];

  @Nested(() => ContactPerson)
  contact: ContactPerson;

  /**
   * Set only by a court that forwards a request it received: the court that asked for help in
   * the first place. The new receiving court answers that court directly.
   */
  @OptionalField()
  @IsCourtCode()
  forwardedFor?: string;
}

@Described("What happened for one measure of a delegation's result.")
export class MeasureResult {
  @IsMatterType()
  matterType: MatterType;

  @OptionalField()
  @Nested(() => Asset)
  asset?: Asset;

  @OptionalField()
  @Nested(() => Money)
  amountFrozen?: Money;

  @OptionalField()
  @Nested(() => Money)
  amountDeducted?: Money;

  /** When the freeze or seal lapses unless renewed: the requesting court watches it. */
  @OptionalField()
  @IsCalendarDate()
  expiresOn?: string;

  /** Registry or bank receipt number for the measure. */
  @OptionalField()
  @Text(100)
  registrationReceipt?: string;

  @OptionalField()
  @Text(2000)
  note?: string;
}

export const RESULT_OUTCOMES = ['completed', 'partially-completed', 'not-possible'] as const;

@Described(
  '`delegation.result-reported` — the receiving court reports what it did, measure by measure, with the documents that prove it. The requester confirms (`result.confirmed`) or disputes (`result.disputed`) it.',
)
export class DelegationResultReportedBody {
  @IsOneOf(RESULT_OUTCOMES)
  outcome: (typeof RESULT_OUTCOMES)[number];

  @NestedList(() => MeasureResult, 100)
  measures: MeasureResult[];

  @Text(4000)
  summary: string;

  @NestedList(() => DocumentReference, 50)
  documents: DocumentReference[];
}

@Described('`extension.requested` — the receiving court asks for more time, with a reason.')
export class ExtensionRequestedBody {
  @IsInt({ message: 'a whole number of days from 1 to 180' })
  @Min(1, { message: 'a whole number of days from 1 to 180' })
  @Max(180, { message: 'a whole number of days from 1 to 180' })
  additionalDays: number;

  @Text(2000)
  reason: string;
}

@Described('`extension.decided` — the requesting court grants or refuses an extension.')
export class ExtensionDecidedBody {
  @IsIn([true, false], { message: 'true or false' })
  granted: boolean;

  /** The new due date when granted. */
  @OptionalField()
  @IsCalendarDate()
  newDueDate?: string;

  @Text(2000)
  reason: string;
}
