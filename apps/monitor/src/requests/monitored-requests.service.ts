import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One request as the monitor knows it, with every event both its courts published about it. */
export interface RequestTimeline {
  request: Record<string, unknown>;
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  court: string;
  occurredAt: string;
  state: string | null;
  event: object;
}

@Injectable()
export class MonitoredRequestsService {
  constructor(private readonly dataSource: DataSource) {}

  async timeline(requestId: string): Promise<RequestTimeline | undefined> {
    const [request] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT request_id AS "requestId", kind, matter_type AS "matterType",
              requesting_court AS "requestingCourt", receiving_court AS "receivingCourt",
              forwarded_to AS "forwardedTo", state, is_open AS "isOpen",
              state_since AS "stateSince", opened_at AS "openedAt", due_at AS "dueAt",
              overdue_since AS "overdueSince", was_overdue AS "wasOverdue",
              escalated_at AS "escalatedAt", return_reason AS "returnReason",
              sent_at AS "sentAt", delivered_at AS "deliveredAt", accepted_at AS "acceptedAt",
              returned_at AS "returnedAt", result_reported_at AS "resultReportedAt",
              closed_at AS "closedAt", withdrawn_at AS "withdrawnAt",
              concluded_at AS "concludedAt", recovered_fen::float8 AS "recoveredFen",
              transferred_fen::float8 AS "transferredFen", confirmed_fen::float8 AS "confirmedFen"
         FROM monitored_requests WHERE request_id = $1`,
      [requestId],
    );
    if (!request) return undefined;
    const timeline = await this.dataSource.query<TimelineEntry[]>(
      `SELECT id AS "eventId", type, court, occurred_at AS "occurredAt",
              payload ->> 'state' AS state, payload AS event
         FROM monitor_events WHERE request_id = $1
        ORDER BY occurred_at, stream_sequence`,
      [requestId],
    );
    return { request, timeline };
  }
}
