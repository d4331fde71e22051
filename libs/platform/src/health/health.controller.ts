import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HEALTH_CHECKS, HealthCheck, HealthCheckResult } from './health-check';
import { LivenessReport, ReadinessReport } from './health.dto';
import { Public } from '../auth/access.decorators';

/** A check that has not answered by then counts as down: a hung dependency is not ready. */
const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get('live')
  @ApiOkResponse({ type: LivenessReport, description: 'The process is running.' })
  live(): LivenessReport {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ type: ReadinessReport, description: 'Every dependency is reachable.' })
  @ApiServiceUnavailableResponse({ type: ReadinessReport, description: 'A dependency is down.' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map((check) => runCheck(check)));
    const checks = Object.fromEntries(this.checks.map((check, i) => [check.name, results[i]]));
    const ready = results.every((result) => result.status === 'up');
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'unavailable', checks };
  }
}

async function runCheck(check: HealthCheck): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([check.check(), timeout]);
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
