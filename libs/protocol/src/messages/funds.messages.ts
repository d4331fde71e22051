import { Nested } from '../validation/nested';

import { IsCaseNumber } from '../identifiers/case-number';
import { Money } from '../values/money';
import { IsCalendarDate } from '../values/time';
import { Text } from './parts/text';
import { Described } from '../validation/described';

@Described(
  "`funds.transferred` — the receiving court transferred money it recovered to the requesting court's case account (one case, one account). The requester matches it to the case by case number and bank reference, and confirms receipt once the money has arrived.",
)
export class FundsTransferredBody {
  /** The requesting court's case whose account receives the money. */
  @IsCaseNumber()
  caseNumber: string;

  @Nested(() => Money)
  amount: Money;

  /** Who paid the money to the receiving court, usually the debtor or a garnishee bank. */
  @Text(200)
  payer: string;

  @IsCalendarDate()
  transferredOn: string;

  @Text(100)
  bankReference: string;
}

@Described(
  '`funds.receipt-confirmed` — the requesting court confirms the money arrived in the case account.',
)
export class FundsReceiptConfirmedBody {
  @Text(100)
  bankReference: string;

  @Nested(() => Money)
  amount: Money;

  @IsCalendarDate()
  receivedOn: string;
}
