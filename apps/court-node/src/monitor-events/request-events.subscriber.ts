import { LiveUpdates } from '@enforcement-link/platform';
import { newMessageId, RequestAmounts, RequestUpdatedEvent } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { requestAmounts } from '../funds/request-amounts';
import { OutboxService } from '../messaging/outbox.service';
import { Request } from '../requests/request.entity';

const CHANGED = 'requestsChangedForTheMonitor';
const COMMITTING = 'requestsChangedInCommit';

/** A request changed in the open transaction, and whether its money moved. */
interface Change {
  request: Request;
  money: boolean;
}

/**
 * Tells the command centres' monitor, and this court's open workbench pages, about every
 * request a transaction changed: just before
 * the commit it writes one `request.updated` event per such request to the outbox, built from
 * the request as the transaction left it, so the monitor learns exactly what was committed,
 * once per transaction however many steps the request took in it. Money is read only for the
 * requests whose money moved.
 */
@Injectable()
export class RequestEvents implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly environment: CourtNodeEnvironment,
    private readonly live: LiveUpdates,
    auditTrail: AuditTrail,
  ) {
    dataSource.subscribers.push(this);
    auditTrail.beforeAppend((event) => this.enqueueEvents(event));
  }

  /** Notes that `request` changed in the transaction of `manager`; `money` when its funds did. */
  static changed(manager: EntityManager, request: Request, money = false): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(
        `request ${request.id} changed outside a transaction: the monitor would miss it`,
      );
    }
    const changes = ((queryRunner.data[CHANGED] as Map<string, Change> | undefined) ??= new Map<
      string,
      Change
    >());
    changes.set(request.id, { request, money: money || changes.get(request.id)?.money === true });
  }

  private async enqueueEvents(event: TransactionCommitEvent): Promise<void> {
    const changes = event.queryRunner.data[CHANGED] as Map<string, Change> | undefined;
    if (!changes) return;
    delete event.queryRunner.data[CHANGED];
    event.queryRunner.data[COMMITTING] = [...changes.values()].map(({ request }) => request);
    const withMoney = [...changes.values()].filter((change) => change.money);
    const amounts =
      withMoney.length > 0
        ? await requestAmounts(
            event.queryRunner,
            withMoney.map((change) => change.request),
          )
        : new Map<string, RequestAmounts>();
    const occurredAt = new Date().toISOString();
    for (const { request } of changes.values()) {
      await this.outbox.enqueueEvent(
        event.manager,
        'request.updated',
        this.toEvent(request, occurredAt, amounts.get(request.id)),
      );
    }
  }

  /** Once committed, the change is news for the pages that show it. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const committed = event.queryRunner.data[COMMITTING] as Request[] | undefined;
    if (!committed) return;
    delete event.queryRunner.data[COMMITTING];
    for (const request of committed) this.live.publish({ id: request.id, state: request.state });
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[CHANGED];
    delete event.queryRunner.data[COMMITTING];
  }

  private toEvent(
    request: Request,
    occurredAt: string,
    amounts: RequestAmounts | undefined,
  ): RequestUpdatedEvent {
    return {
      id: newMessageId(),
      court: this.environment.COURT_ID,
      side: request.side,
      occurredAt,
      requestId: request.id,
      kind: request.kind,
      ...(request.matterType ? { matterType: request.matterType } : {}),
      requestingCourt: request.requestingCourt,
      receivingCourt: request.receivingCourt,
      ...(request.forwardedTo ? { forwardedTo: request.forwardedTo } : {}),
      state: request.state,
      stateSince: request.stateSince.toISOString(),
      milestones: request.milestones,
      ...(request.dueAt ? { dueAt: request.dueAt.toISOString() } : {}),
      ...(request.overdueSince ? { overdueSince: request.overdueSince.toISOString() } : {}),
      ...(request.escalatedAt ? { escalatedAt: request.escalatedAt.toISOString() } : {}),
      ...(request.returnReason ? { returnReason: request.returnReason } : {}),
      ...(amounts ? { amounts } : {}),
    };
  }
}
