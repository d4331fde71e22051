import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
} from 'typeorm';
import { OutboxRelay } from './outbox-relay.service';

const ENQUEUED = 'outboxMessagesEnqueued';

/**
 * Wakes the outbox relay the moment a transaction that enqueued messages commits, so they leave
 * within milliseconds instead of at the relay's next poll; a relay woken before the commit would
 * find nothing to send yet.
 */
@Injectable()
export class OutboxWakeSubscriber implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Called by the outbox inside the transaction that enqueues. */
  static markEnqueued(queryRunner: QueryRunner | undefined): boolean {
    if (!queryRunner?.isTransactionActive) return false;
    queryRunner.data[ENQUEUED] = true;
    return true;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!event.queryRunner.data[ENQUEUED]) return;
    delete event.queryRunner.data[ENQUEUED];
    this.relay.wakeSoon();
  }
}
