import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpiryAlert } from './expiry-alert.entity';
import { ExpiryAlertsService } from './expiry-alerts.service';
import { Allow } from '@enforcement-link/platform';

@ApiTags('alerts')
@Allow('clerk', 'court-admin')
@Controller('api/alerts')
export class ExpiryAlertsController {
  constructor(private readonly alerts: ExpiryAlertsService) {}

  @Get('expiring-measures')
  @ApiOperation({
    summary: 'Freezes and seals done for this court that lapse soon unless renewed',
    description: 'Raised the policy’s `expiryAlert` ahead of the expiry date; soonest first.',
  })
  @ApiOkResponse({ type: [ExpiryAlert] })
  list(): Promise<ExpiryAlert[]> {
    return this.alerts.raised();
  }
}
