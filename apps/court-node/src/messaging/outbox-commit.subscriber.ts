import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { CommittedMessage, OutboxRelay } from './outbox-relay.service';

const ENQUEUED = 'outboxMessagesEnqueued';

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
    ((queryRunner.data[ENQUEUED] as CommittedMessage[] | undefined) ??= []).push(message);
    return true;
  }

  /** What the open transaction of `queryRunner` has written to the outbox so far. */
  static collected(queryRunner: QueryRunner): CommittedMessage[] {
    return (queryRunner.data[ENQUEUED] as CommittedMessage[] | undefined) ?? [];
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const messages = event.queryRunner.data[ENQUEUED] as CommittedMessage[] | undefined;
    if (!messages) return;
    delete event.queryRunner.data[ENQUEUED];
    this.relay.publishCommitted(messages);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[ENQUEUED];
  }
}
