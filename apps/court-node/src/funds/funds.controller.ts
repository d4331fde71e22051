import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  ConfirmReceiptDto,
  ListTransfersQuery,
  MatchTransferDto,
  RecordPayoutDto,
} from './funds.dto';
import { FundPayout } from './fund-payout.entity';
import { FundTransfer } from './fund-transfer.entity';
import { FundsService } from './funds.service';
import { CourtPayoutFigures } from './payout-figures';
import { Reconciliation } from './reconciliation';
import { Allow } from '@enforcement-link/platform';

/** Case accounts: transfers in and out, confirmations, payouts, and whether it all adds up. */
@ApiTags('funds')
@ApiBadRequestResponse({ description: 'A field broke a rule: `fieldErrors` names each' })
@Allow('clerk', 'court-admin')
@Controller('api/funds')
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Get('transfers')
  @ApiOperation({
    summary: 'Transfers made and received, newest first',
    description: '`status=UNMATCHED` lists the transfers that wait for a person to match them.',
  })
  @ApiOkResponse({ type: [FundTransfer] })
  listTransfers(@Query() query: ListTransfersQuery): Promise<FundTransfer[]> {
    return this.funds.listTransfers(query);
  }

  @Post('transfers/:id/match')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put an unmatched transfer received into one of this court’s cases' })
  @ApiOkResponse({ type: FundTransfer })
  @ApiNotFoundResponse({ description: 'No transfer received with this id' })
  @ApiConflictResponse({ description: 'The transfer already belongs to a case' })
  @ApiUnprocessableEntityResponse({ description: 'Not a case of a request this court sent' })
  match(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() match: MatchTransferDto,
  ): Promise<FundTransfer> {
    return this.funds.matchTransfer(id, match);
  }

  @Post('transfers/:id/confirm-receipt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a transfer received reached the case account',
    description:
      'Sends `funds.receipt-confirmed`; an amount other than the one sent is a mismatch.',
  })
  @ApiOkResponse({ type: FundTransfer })
  @ApiNotFoundResponse({ description: 'No transfer received with this id' })
  @ApiConflictResponse({ description: 'Unmatched, or confirmed before: `state` says which' })
  confirmReceipt(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() receipt: ConfirmReceiptDto,
  ): Promise<FundTransfer> {
    return this.funds.confirmReceipt(id, receipt);
  }

  @Get('payouts')
  @ApiOperation({ summary: 'Payouts to winning parties, latest first' })
  @ApiOkResponse({ type: [FundPayout] })
  listPayouts(): Promise<FundPayout[]> {
    return this.funds.listPayouts();
  }

  @Post('payouts')
  @ApiOperation({ summary: 'Record a payout from a case account to the winning party' })
  @ApiCreatedResponse({ type: FundPayout })
  @ApiUnprocessableEntityResponse({
    description: 'Unknown case, bank reference used before, or more than the account holds',
  })
  recordPayout(@Body() payout: RecordPayoutDto): Promise<FundPayout> {
    return this.funds.recordPayout(payout);
  }

  @Get('reconciliation')
  @ApiOperation({
    summary: 'Per court and per case: transferred = confirmed + in transit, to the fen',
    description: 'Lists every confirmation for another amount than was sent, and unmatched money.',
  })
  @ApiOkResponse({ type: Reconciliation })
  reconciliation(): Promise<Reconciliation> {
    return this.funds.reconciliation();
  }

  @Get('figures')
  @ApiOperation({
    summary: 'Per transferring court: days from arrival to payout and share paid out',
  })
  @ApiOkResponse({ type: [CourtPayoutFigures] })
  figures(): Promise<CourtPayoutFigures[]> {
    return this.funds.figures();
  }
}
