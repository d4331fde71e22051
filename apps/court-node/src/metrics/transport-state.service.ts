import { NatsConnectionService } from '@enforcement-link/messaging';
import { courtConsumerName, courtMessagesStreamName } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';

const TRANSPORT_STATE = `
  SELECT (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL) AS outbox_pending,
         (SELECT min(created_at) FROM outbox_messages WHERE published_at IS NULL) AS oldest_outbox_at,
         (SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL) AS dead_letters`;

export interface TransportFigures {
  /** Messages for this court in its JetStream consumer, not acknowledged yet; unknown without NATS. */
  consumerPending?: number;
  outboxPending: number;
  oldestOutboxAt?: Date;
  deadLetters: number;
}

/** How this node's transport stands: its outbox, its consumer, its dead letters. */
@Injectable()
export class TransportState {
  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly nats: NatsConnectionService,
    private readonly dataSource: DataSource,
  ) {}

  async measure(): Promise<TransportFigures> {
    const [[transport], consumer] = await Promise.all([
      this.dataSource.query<
        { outbox_pending: string; oldest_outbox_at: Date | null; dead_letters: string }[]
      >(TRANSPORT_STATE),
      this.nats
        .jetStreamManager()
        .then((manager) =>
          manager.consumers.info(
            courtMessagesStreamName(this.environment.NATS_NAMESPACE),
            courtConsumerName(this.environment.COURT_ID),
          ),
        )
        .catch(() => undefined),
    ]);
    return {
      ...(consumer ? { consumerPending: consumer.num_pending + consumer.num_ack_pending } : {}),
      outboxPending: Number(transport.outbox_pending),
      ...(transport.oldest_outbox_at ? { oldestOutboxAt: transport.oldest_outbox_at } : {}),
      deadLetters: Number(transport.dead_letters),
    };
  }
}
