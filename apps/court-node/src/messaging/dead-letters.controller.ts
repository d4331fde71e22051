import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetter } from './dead-letter.entity';
import { DeadLettersService, ReplayOutcome } from './dead-letters.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('dead letters')
@Allow('court-admin')
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({
    summary: 'Messages that kept failing and were taken out of delivery, waiting for a replay',
  })
  @ApiOkResponse({ type: [DeadLetter] })
  list(): Promise<DeadLetter[]> {
    return this.deadLetters.waiting();
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Handle a parked message again; `outcome` says whether it went through this time',
  })
  @ApiNotFoundResponse({ description: 'No waiting dead letter with this id' })
  replay(@Param('id', ParseUUIDPipe) id: string): Promise<ReplayOutcome> {
    return this.deadLetters.replay(id);
  }
}
