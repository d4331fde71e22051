import { NatsConnectionService } from '@enforcement-link/messaging';
import { monitorEventsStreamName } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { MonitorEnvironment } from '../config/monitor.environment';

/**
 * What the monitor counts for Prometheus: events applied by type and how long each batch took,
 * and, read when scraped, how far behind the stream it is, the overdue requests across the
 * network and the court nodes gone silent.
 */
@Injectable()
export class MonitorMetrics {
  private readonly applied: Counter<'type'>;
  private readonly batches: Histogram;
  private position = 0;

  constructor(
    registry: Registry,
    dataSource: DataSource,
    nats: NatsConnectionService,
    environment: MonitorEnvironment,
  ) {
    this.applied = new Counter({
      name: 'enforcement_link_events_applied_total',
      help: 'Events from court nodes applied to the projection, by type.',
      labelNames: ['type'],
      registers: [registry],
    });
    this.batches = new Histogram({
      name: 'enforcement_link_projection_batch_seconds',
      help: 'Time to apply one batch of events in one transaction.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const appliedUpTo = () => this.position;
    const stream = monitorEventsStreamName(environment.NATS_NAMESPACE);
    new Gauge({
      name: 'enforcement_link_projection_lag_events',
      help: 'Events in the monitor events stream not applied to the projection yet.',
      registers: [registry],
      async collect() {
        const info = await nats
          .jetStreamManager()
          .then((manager) => manager.streams.info(stream))
          .catch(() => undefined);
        if (info) this.set(Math.max(0, info.state.last_seq - appliedUpTo()));
        else this.reset();
      },
    });
    new Gauge({
      name: 'enforcement_link_network_overdue_requests',
      help: 'Open requests past their time limit across the network.',
      registers: [registry],
      async collect() {
        const [{ overdue }] = await dataSource.query<{ overdue: number }[]>(
          'SELECT count(*)::int AS overdue FROM monitored_requests WHERE is_open AND overdue_since IS NOT NULL',
        );
        this.set(overdue);
      },
    });
    new Gauge({
      name: 'enforcement_link_silent_court_nodes',
      help: 'Court nodes heard from before whose last three heartbeats did not come.',
      registers: [registry],
      async collect() {
        const [{ silent }] = await dataSource.query<{ silent: number }[]>(
          `SELECT count(*)::int AS silent FROM court_nodes
            WHERE last_seen_at < now() - make_interval(secs => 3 * interval_seconds)`,
        );
        this.set(silent);
      },
    });
  }

  batchApplied(upTo: number, types: string[], seconds: number): void {
    this.position = upTo;
    for (const type of types) this.applied.inc({ type });
    this.batches.observe(seconds);
  }
}
