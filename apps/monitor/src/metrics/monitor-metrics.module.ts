import { Global, Module } from '@nestjs/common';
import { MonitorMetrics } from './monitor.metrics';

@Global()
@Module({ providers: [MonitorMetrics], exports: [MonitorMetrics] })
export class MonitorMetricsModule {}
