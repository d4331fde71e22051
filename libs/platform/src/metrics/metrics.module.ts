import { DynamicModule, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';

/**
 * Serves the service's Prometheus metrics at `/metrics`: the process's own (CPU, memory,
 * event-loop lag, garbage collection) and whatever the service registers in the `Registry`
 * this module provides, every series labelled with `labels` (service, court).
 */
@Module({})
export class MetricsModule {
  static forRoot(labels: Record<string, string>): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels(labels);
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
      ],
      exports: [Registry],
    };
  }
}
