import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { TransactionNotes } from '../common/transaction-notes';
import { CommittedMessage, OutboxRelay } from './outbox-relay.service';

const enqueued = new TransactionNotes<CommittedMessage>('outboxMessagesEnqueued');

/**
 * Hands the messages a transaction wrote to the outbox to the relay the moment it commits, so
 * they leave within milliseconds; publishing before the commit could announce a change that
 * then rolls back.
 */
@Injectable()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {
    dataSource.subscribers.push(this);
  }

  /**
   * Called by the outbox for each message it writes; false when there is no transaction to wait
   * for, and the outbox writes it at once.
   */
  static collect(queryRunner: QueryRunner | undefined, message: CommittedMessage): boolean {
    if (!queryRunner?.isTransactionActive) return false;
    enqueued.add(queryRunner, message);
    return true;
  }

  /** What the open transaction of `queryRunner` has written to the outbox so far. */
  static collected(queryRunner: QueryRunner): CommittedMessage[] {
    return enqueued.peek(queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const messages = enqueued.take(event.queryRunner);
    if (messages.length > 0) this.relay.publishCommitted(messages);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    enqueued.take(event.queryRunner);
  }
}
