import { Global, Module } from '@nestjs/common';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { Clock } from './clock';
import { DEADLINE_POLICY, DeadlinesService } from './deadlines.service';
import { ExpiryAlertsController } from './expiry-alerts.controller';
import { ExpiryAlertsService } from './expiry-alerts.service';
import { loadDeadlinePolicy } from './load-deadline-policy';

@Global()
@Module({
  providers: [
    Clock,
    DeadlinesService,
    ExpiryAlertsService,
    {
      provide: DEADLINE_POLICY,
      inject: [CourtNodeEnvironment],
      useFactory: (environment: CourtNodeEnvironment) =>
        loadDeadlinePolicy(environment.DEADLINE_POLICY_FILE),
    },
  ],
  controllers: [ExpiryAlertsController],
  exports: [Clock, DeadlinesService, ExpiryAlertsService],
})
export class DeadlinesModule {}
