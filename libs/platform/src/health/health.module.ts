import { DynamicModule, Module, Type } from '@nestjs/common';
import { HEALTH_CHECKS, HealthCheck } from './health-check';
import { HealthController } from './health.controller';

/** Serves `/health/live` and `/health/ready`; the checks come from global modules. */
@Module({})
export class HealthModule {
  static forChecks(checks: Type<HealthCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_CHECKS, useFactory: (...all: HealthCheck[]) => all, inject: checks },
      ],
    };
  }
}
