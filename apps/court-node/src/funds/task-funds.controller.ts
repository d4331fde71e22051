import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RecordRecoveryDto, SendTransferDto } from './funds.dto';
import { FundRecovery } from './fund-recovery.entity';
import { FundTransfer } from './fund-transfer.entity';
import { FundsService } from './funds.service';
import { Allow } from '@enforcement-link/platform';

/** The receiving court's side of the money: what it recovered on a delegation, what it sent on. */
@ApiTags('funds')
@ApiBadRequestResponse({ description: 'A field broke a rule: `fieldErrors` names each' })
@ApiNotFoundResponse({ description: 'No delegation task with this id at this court' })
@ApiUnprocessableEntityResponse({
  description: 'Bank reference used before, or more than was recovered and not yet transferred',
})
@Allow('handler', 'court-admin')
@Controller('api/tasks')
export class TaskFundsController {
  constructor(private readonly funds: FundsService) {}

  @Post(':id/recoveries')
  @ApiOperation({ summary: 'Record money this court recovered on a delegation task' })
  @ApiCreatedResponse({ type: FundRecovery })
  recordRecovery(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() recovery: RecordRecoveryDto,
  ): Promise<FundRecovery> {
    return this.funds.recordRecovery(id, recovery);
  }

  @Post(':id/fund-transfers')
  @ApiOperation({
    summary: 'Transfer recovered money to the requesting court’s case account',
    description: 'Sends `funds.transferred` with the requesting court’s case number.',
  })
  @ApiCreatedResponse({ type: FundTransfer })
  sendTransfer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() transfer: SendTransferDto,
  ): Promise<FundTransfer> {
    return this.funds.sendTransfer(id, transfer);
  }
}
