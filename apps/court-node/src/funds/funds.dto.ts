import {
  FundsReceiptConfirmedBody,
  FundsTransferredBody,
  IsCalendarDate,
  IsCaseNumber,
  IsOneOf,
  OptionalField,
  Text,
} from '@enforcement-link/protocol';
import { ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { TRANSFER_STATUSES, TransferStatus } from './fund-transfer.entity';

/** Money the receiving court recovered on a delegation: from whom, when, under which reference. */
export class RecordRecoveryDto extends PickType(FundsTransferredBody, [
  'amount',
  'payer',
  'bankReference',
]) {
  /** The day the money reached this court's account. */
  @IsCalendarDate()
  receivedOn: string;
}

/** A `funds.transferred` body; the case number is the requesting court's, taken from the task. */
export class SendTransferDto extends OmitType(FundsTransferredBody, ['caseNumber']) {}

/** A `funds.receipt-confirmed` body; the bank reference is the transfer's. */
export class ConfirmReceiptDto extends OmitType(FundsReceiptConfirmedBody, ['bankReference']) {}

/** The case, of this court's, whose account an unmatched transfer belongs to. */
export class MatchTransferDto {
  @IsCaseNumber()
  caseNumber: string;
}

/** A payout from a case account to the winning party. */
export class RecordPayoutDto extends PickType(FundsTransferredBody, [
  'caseNumber',
  'amount',
  'bankReference',
]) {
  /** Who was paid: the winning party named in the judgment. */
  @Text(200)
  payee: string;

  @IsCalendarDate()
  paidOn: string;
}

export class ListTransfersQuery {
  @ApiPropertyOptional({ enum: ['in', 'out'], description: '`in`: transfers this court received' })
  @OptionalField()
  @IsOneOf(['in', 'out'])
  direction?: 'in' | 'out';

  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @OptionalField()
  @IsOneOf(TRANSFER_STATUSES)
  status?: TransferStatus;
}
