import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { Request } from '../requests/request.entity';
import { TransactionNotes } from '../common/transaction-notes';
import { ActorContext } from './actor-context';
import { appendToChain, AuditEntry, ChainHead } from './audit-chain';
import {
  headFromRow,
  insertRecords,
  LOCK_AND_SELECT_HEAD,
  SELECT_HEAD,
} from './audit-records.table';

const pending = new TransactionNotes<AuditEntry>('auditEntriesPending');

/** The request as last loaded or recorded, field by field, to tell what a change changed. */
type RequestSnapshot = Record<string, string | undefined>;
const snapshots = new WeakMap<Request, RequestSnapshot>();

/** A change to record; who made it and when are added by `record`. */
export type RecordedChange = Omit<AuditEntry, 'recordedAt' | 'actor'>;

/** Work a transaction does on its own connection as it commits, before the trail's append. */
export type BeforeAppendStep = (event: TransactionCommitEvent) => Promise<void>;

/**
 * The audit trail: an append-only, hash-chained record of every change to a request and every
 * message in or out, with who made it (ActorContext) and when. Changes are noted as they
 * happen and appended just before their transaction commits, in that transaction, so a record
 * exists if and only if its change does. Appends are serialised by a transaction-scoped advisory
 * lock taken at the last moment, so parallel transactions wait for each other only for a read of
 * the chain's head and one insert, not for their whole work.
 */
@Injectable()
export class AuditTrail implements EntitySubscriberInterface<Request> {
  private readonly stepsBeforeAppend: BeforeAppendStep[] = [];

  constructor(private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /**
   * Runs `step` in every committing transaction, after the steps registered before it and just
   * before the append, so whatever it notes is recorded too. TypeORM would run subscribers'
   * `beforeTransactionCommit` all at once, overlapping their statements on the transaction's one
   * connection.
   */
  beforeAppend(step: BeforeAppendStep): void {
    this.stepsBeforeAppend.push(step);
  }

  /** Notes `change` in the open transaction of `manager`, made by the current actor, now. */
  static record(manager: EntityManager, change: RecordedChange): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(`${change.action} outside a transaction: the audit trail would miss it`);
    }
    pending.add(queryRunner, {
      ...change,
      recordedAt: new Date().toISOString(),
      actor: ActorContext.current(),
    });
  }

  /**
   * Notes that `request` was created or changed: its state before and after, and the names of
   * the fields that changed since it was loaded or last recorded (names only: values such as
   * party names and results stay in the request). `funds` when its money moved.
   */
  static requestChanged(manager: EntityManager, request: Request, funds = false): void {
    const before = snapshots.get(request);
    const after = snapshotOf(request);
    snapshots.set(request, after);
    const changed = before && Object.keys(after).filter((field) => after[field] !== before[field]);
    if (changed?.length === 0 && !funds) return;
    const previousState = before && (JSON.parse(before.state ?? 'null') as Request['state'] | null);
    AuditTrail.record(manager, {
      action: before ? 'request.changed' : 'request.created',
      requestId: request.id,
      messageId: null,
      detail: {
        kind: request.kind,
        side: request.side,
        counterpart: request.counterpart,
        state: request.state,
        ...(previousState && previousState !== request.state ? { previousState } : {}),
        ...(changed ? { changed } : {}),
        ...(funds ? { funds } : {}),
      },
    });
  }

  listenTo(): typeof Request {
    return Request;
  }

  /** Remembers every request as loaded, so a later change can say what it changed. */
  afterLoad(request: Request): void {
    snapshots.set(request, snapshotOf(request));
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    for (const step of this.stepsBeforeAppend) await step(event);
    const entries = pending.take(event.queryRunner);
    if (entries.length === 0) return;
    const [head] =
      await event.manager.query<{ sequence: string; hash: string }[]>(LOCK_AND_SELECT_HEAD);
    const [sql, parameters] = insertRecords(appendToChain(head && headFromRow(head), entries));
    await event.manager.query(sql, parameters);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    pending.take(event.queryRunner);
  }

  /** The newest record, which the heartbeat shows the monitor; undefined while the trail is empty. */
  async head(): Promise<ChainHead | undefined> {
    const [head] = await this.dataSource.query<{ sequence: string; hash: string }[]>(SELECT_HEAD);
    return head && headFromRow(head);
  }
}

function snapshotOf(request: Request): RequestSnapshot {
  const snapshot: RequestSnapshot = {};
  for (const [field, value] of Object.entries(request)) {
    // Written by every update, whatever changed.
    if (field !== 'updatedAt') snapshot[field] = JSON.stringify(value);
  }
  return snapshot;
}
