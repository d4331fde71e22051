import { parseMonitorEventSubject, parseSubject } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { TransportFigures, TransportState } from './transport-state.service';

const OVERDUE = `
  SELECT side, count(*)::int AS overdue FROM requests
   WHERE due_at < now() AND state NOT IN ('CLOSED', 'RETURNED', 'WITHDRAWN')
   GROUP BY side`;

/**
 * What a court node counts for Prometheus: messages in and out by type, how long handling one
 * takes, and, read when scraped, its outbox, consumer, dead letters and overdue requests.
 */
@Injectable()
export class CourtNodeMetrics {
  private readonly received: Counter<'type' | 'outcome'>;
  private readonly published: Counter<'type'>;
  private readonly handling: Histogram<'type'>;

  constructor(registry: Registry, transport: TransportState, dataSource: DataSource) {
    this.received = new Counter({
      name: 'enforcement_link_messages_received_total',
      help: 'Messages from other courts, by type and outcome (processed, duplicate, rejected, parked, retried).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    });
    this.published = new Counter({
      name: 'enforcement_link_messages_published_total',
      help: 'Messages and monitor events published from the outbox, by type.',
      labelNames: ['type'],
      registers: [registry],
    });
    this.handling = new Histogram({
      name: 'enforcement_link_message_handling_seconds',
      help: 'Time from a message reaching this node to its settlement (stored, handled, receipt written).',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.registerTransportGauges(registry, transport);
    this.registerOverdueGauge(registry, dataSource);
  }

  messageSettled(subject: string, outcome: string, seconds: number): void {
    const type = parseSubject(subject)?.type ?? 'unknown';
    this.received.inc({ type, outcome });
    this.handling.observe({ type }, seconds);
  }

  messagePublished(subject: string): void {
    const type = parseSubject(subject)?.type ?? parseMonitorEventSubject(subject)?.type;
    this.published.inc({ type: type ?? 'unknown' });
  }

  /** Outbox, consumer and dead-letter gauges, read from one measurement per scrape. */
  private registerTransportGauges(registry: Registry, transport: TransportState): void {
    let measuring: Promise<TransportFigures> | undefined;
    const measureOnce = () =>
      (measuring ??= transport
        .measure()
        .finally(() => setImmediate(() => (measuring = undefined))));
    const gauge = (
      name: string,
      help: string,
      read: (figures: TransportFigures) => number | undefined,
    ) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          const value = read(await measureOnce());
          if (value === undefined) this.reset();
          else this.set(value);
        },
      });
    gauge(
      'enforcement_link_outbox_pending',
      'Messages written to the outbox and not yet published.',
      (figures) => figures.outboxPending,
    );
    gauge(
      'enforcement_link_outbox_lag_seconds',
      'Age of the oldest message waiting in the outbox; 0 when none waits.',
      (figures) =>
        figures.oldestOutboxAt ? (Date.now() - figures.oldestOutboxAt.getTime()) / 1000 : 0,
    );
    gauge(
      'enforcement_link_consumer_pending',
      'Messages for this court waiting in its JetStream consumer, not yet acknowledged.',
      (figures) => figures.consumerPending,
    );
    gauge(
      'enforcement_link_dead_letters',
      'Messages parked in the dead-letter table and not replayed.',
      (figures) => figures.deadLetters,
    );
  }

  private registerOverdueGauge(registry: Registry, dataSource: DataSource): void {
    new Gauge({
      name: 'enforcement_link_overdue_requests',
      help: 'Open requests past their time limit, by side (requesting, receiving).',
      labelNames: ['side'],
      registers: [registry],
      async collect() {
        const rows = await dataSource.query<{ side: string; overdue: number }[]>(OVERDUE);
        this.reset();
        for (const row of rows) this.set({ side: row.side }, row.overdue);
      },
    });
  }
}
