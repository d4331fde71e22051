import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupervisedEscalation } from './supervised-escalation.entity';
import { SupervisionService } from './supervision.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('supervision')
@Allow('court-admin')
@Controller('api/supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('escalations')
  @ApiOperation({
    summary: 'Requests escalated to this court because a court under it ran past a time limit',
    description: 'Latest first, at most 500.',
  })
  @ApiOkResponse({ type: [SupervisedEscalation] })
  list(): Promise<SupervisedEscalation[]> {
    return this.supervision.list();
  }
}
