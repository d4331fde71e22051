import { Global, Module } from '@nestjs/common';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { Clock } from './clock';
import { DEADLINE_POLICY, DeadlinesService } from './deadlines.service';
import { loadDeadlinePolicy } from './load-deadline-policy';

@Global()
@Module({
  providers: [
    Clock,
    DeadlinesService,
    {
      provide: DEADLINE_POLICY,
      inject: [CourtNodeEnvironment],
      useFactory: (environment: CourtNodeEnvironment) =>
        loadDeadlinePolicy(environment.DEADLINE_POLICY_FILE),
    },
  ],
  exports: [Clock, DeadlinesService],
})
export class DeadlinesModule {}
