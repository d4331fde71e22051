import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthCheck, HealthCheckResult } from '../health/health-check';

@Injectable()
export class DatabaseHealthCheck implements HealthCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthCheckResult> {
    await this.dataSource.query('SELECT 1');
    return { status: 'up' };
  }
}
