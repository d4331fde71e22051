import { RequestUpdatedEvent } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { mergeSnapshot, ProjectedRequest } from './projected-request';

/** An event read from the stream and found valid. */
export interface ReadEvent {
  streamSequence: number;
  type: string;
  court: string;
  id: string;
  occurredAt: string;
  requestId?: string;
  payload: object;
}

const PROJECTED_COLUMNS: (keyof ProjectedRequest)[] = [
  'kind',
  'matter_type',
  'requesting_court',
  'receiving_court',
  'forwarded_to',
  'state',
  'is_open',
  'state_since',
  'snapshot_at',
  'opened_at',
  'due_at',
  'overdue_since',
  'was_overdue',
  'escalated_at',
  'return_reason',
  'sent_at',
  'delivered_at',
  'accepted_at',
  'returned_at',
  'result_reported_at',
  'closed_at',
  'withdrawn_at',
  'concluded_at',
  'recovered_fen',
  'transferred_fen',
  'confirmed_fen',
  'ended_at',
  'paid_out_fen',
  'payout_days',
];

/**
 * Writes what the monitor reads from the events stream: each batch in one transaction, with
 * the stream position it reached, so a crash between two batches neither loses nor repeats
 * anything. Events already stored (by id) change nothing.
 */
@Injectable()
export class ProjectionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The last stream sequence applied; 0 when the projection is empty (new, or lost). */
  async position(stream: string): Promise<number> {
    const [row] = await this.dataSource.query<{ last_sequence: string }[]>(
      'SELECT last_sequence FROM projection_positions WHERE stream = $1',
      [stream],
    );
    return row ? Number(row.last_sequence) : 0;
  }

  /**
   * Applies a batch read in stream order; events at or below the stored position (applied by
   * another replica, or before a restart) are skipped. Returns how many were new.
   */
  apply(stream: string, lastSequence: number, events: ReadEvent[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO projection_positions (stream, last_sequence) VALUES ($1, 0)
         ON CONFLICT (stream) DO NOTHING`,
        [stream],
      );
      const [{ last_sequence }] = await manager.query<{ last_sequence: string }[]>(
        'SELECT last_sequence FROM projection_positions WHERE stream = $1 FOR UPDATE',
        [stream],
      );
      const unseen = events.filter((event) => event.streamSequence > Number(last_sequence));
      const stored = await this.storeEvents(manager, unseen);
      await this.project(
        manager,
        unseen
          .filter((event) => event.type === 'request.updated' && stored.has(event.id))
          .map((event) => event.payload as RequestUpdatedEvent),
      );
      await manager.query(
        `UPDATE projection_positions SET last_sequence = greatest(last_sequence, $2)
          WHERE stream = $1`,
        [stream, lastSequence],
      );
      return stored.size;
    });
  }

  /** Forgets everything projected, so the stream is read again from its start. */
  async clear(): Promise<void> {
    await this.dataSource.query(
      'TRUNCATE monitor_events, monitored_requests, projection_positions',
    );
  }

  private async storeEvents(manager: EntityManager, events: ReadEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO monitor_events (id, stream_sequence, type, court, request_id, occurred_at, payload)
       SELECT id, stream_sequence, type, court, request_id, occurred_at, payload
         FROM jsonb_to_recordset($1::jsonb) AS e (
           id uuid, stream_sequence bigint, type text, court text, request_id uuid,
           occurred_at timestamptz, payload jsonb)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        JSON.stringify(
          events.map((event) => ({
            id: event.id,
            stream_sequence: event.streamSequence,
            type: event.type,
            court: event.court,
            request_id: event.requestId ?? null,
            occurred_at: event.occurredAt,
            payload: event.payload,
          })),
        ),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Folds snapshots into their requests: read the rows once, merge, write them once. */
  private async project(manager: EntityManager, snapshots: RequestUpdatedEvent[]): Promise<void> {
    if (snapshots.length === 0) return;
    const ids = [...new Set(snapshots.map((snapshot) => snapshot.requestId))];
    const existing = await manager.query<{ row: ProjectedRequest }[]>(
      `SELECT to_jsonb(r) AS row FROM monitored_requests r
        WHERE request_id = ANY($1) FOR UPDATE`,
      [ids],
    );
    const merged = new Map(existing.map(({ row }) => [row.request_id, row]));
    for (const snapshot of snapshots) {
      merged.set(snapshot.requestId, mergeSnapshot(merged.get(snapshot.requestId), snapshot));
    }
    await manager.query(
      `INSERT INTO monitored_requests
       SELECT * FROM jsonb_populate_recordset(NULL::monitored_requests, $1::jsonb)
       ON CONFLICT (request_id) DO UPDATE SET
         ${PROJECTED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`,
      [JSON.stringify([...merged.values()])],
    );
  }
}
