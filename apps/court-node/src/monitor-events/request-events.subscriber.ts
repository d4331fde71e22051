import { newMessageId, RequestUpdatedEvent } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { OutboxService } from '../messaging/outbox.service';

const CHANGED = 'requestsChangedForTheMonitor';

/** One request as the monitor sees it, read in the transaction that changed it. */
const SNAPSHOTS = `
  SELECT r.id, r.side, r.kind, r.matter_type, r.requesting_court, r.receiving_court,
         r.forwarded_to, r.state, r.state_since, r.milestones, r.due_at, r.overdue_since,
         r.escalated_at, r.return_reason,
         (SELECT coalesce(sum(amount_fen), 0) FROM fund_recoveries WHERE request_id = r.id) AS recovered_fen,
         coalesce(t.transferred_fen, 0) AS transferred_fen,
         coalesce(t.confirmed_fen, 0) AS confirmed_fen
    FROM requests r
    LEFT JOIN LATERAL (
      SELECT sum(amount_fen) AS transferred_fen, sum(confirmed_fen) AS confirmed_fen
        FROM fund_transfers WHERE request_id = r.id
    ) t ON true
   WHERE r.id = ANY($1)`;

interface SnapshotRow {
  id: string;
  side: RequestUpdatedEvent['side'];
  kind: RequestUpdatedEvent['kind'];
  matter_type: RequestUpdatedEvent['matterType'] | null;
  requesting_court: string;
  receiving_court: string;
  forwarded_to: string | null;
  state: RequestUpdatedEvent['state'];
  state_since: Date;
  milestones: RequestUpdatedEvent['milestones'];
  due_at: Date | null;
  overdue_since: Date | null;
  escalated_at: Date | null;
  return_reason: RequestUpdatedEvent['returnReason'] | null;
  recovered_fen: string;
  transferred_fen: string;
  confirmed_fen: string;
}

/**
 * Tells the command centres' monitor about every request a transaction changed: just before
 * the commit it reads each such request once and writes a `request.updated` event to the
 * outbox, so the monitor learns exactly what was committed, once per transaction however many
 * steps the request took in it.
 */
@Injectable()
export class RequestEvents implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly environment: CourtNodeEnvironment,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Notes that `requestId` changed in the transaction of `manager`. */
  static changed(manager: EntityManager, requestId: string): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(
        `request ${requestId} changed outside a transaction: the monitor would miss it`,
      );
    }
    ((queryRunner.data[CHANGED] as Set<string> | undefined) ??= new Set()).add(requestId);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const changed = event.queryRunner.data[CHANGED] as Set<string> | undefined;
    if (!changed) return;
    delete event.queryRunner.data[CHANGED];
    const rows = (await event.queryRunner.query(SNAPSHOTS, [[...changed]])) as SnapshotRow[];
    const occurredAt = new Date().toISOString();
    for (const row of rows) {
      await this.outbox.enqueueEvent(
        event.manager,
        'request.updated',
        this.toEvent(row, occurredAt),
      );
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[CHANGED];
  }

  private toEvent(row: SnapshotRow, occurredAt: string): RequestUpdatedEvent {
    return {
      id: newMessageId(),
      court: this.environment.COURT_ID,
      side: row.side,
      occurredAt,
      requestId: row.id,
      kind: row.kind,
      ...(row.matter_type ? { matterType: row.matter_type } : {}),
      requestingCourt: row.requesting_court,
      receivingCourt: row.receiving_court,
      ...(row.forwarded_to ? { forwardedTo: row.forwarded_to } : {}),
      state: row.state,
      stateSince: row.state_since.toISOString(),
      milestones: row.milestones,
      ...(row.due_at ? { dueAt: row.due_at.toISOString() } : {}),
      ...(row.overdue_since ? { overdueSince: row.overdue_since.toISOString() } : {}),
      ...(row.escalated_at ? { escalatedAt: row.escalated_at.toISOString() } : {}),
      ...(row.return_reason ? { returnReason: row.return_reason } : {}),
      amounts: {
        recoveredFen: Number(row.recovered_fen),
        transferredFen: Number(row.transferred_fen),
        confirmedFen: Number(row.confirmed_fen),
      },
    };
  }
}
