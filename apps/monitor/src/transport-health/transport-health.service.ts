import { CourtDirectoryFollower, NatsConnectionService } from '@enforcement-link/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How many heartbeats a node may miss before it counts as silent. */
const MISSED_HEARTBEATS = 3;

export interface CourtNodeHealth {
  court: string;
  nameZh: string | null;
  nameEn: string | null;
  province: string | null;
  lastSeenAt: string | null;
  silent: boolean;
  startedAt: string | null;
  consumerPending: number | null;
  outboxPending: number | null;
  oldestOutboxAt: string | null;
  deadLetters: number | null;
  /** The highest audit-trail head the node announced, `<sequence>:<hash>`: for `audit verify`. */
  auditHead: string | null;
}

interface CourtNodeRow {
  court: string;
  last_seen_at: Date;
  started_at: Date;
  interval_seconds: number;
  consumer_pending: number;
  outbox_pending: number;
  oldest_outbox_at: Date | null;
  dead_letters: number;
  audit_head_sequence: string | null;
  audit_head_hash: string | null;
}

/** The transport as each court node last reported it, and which nodes went silent. */
@Injectable()
export class TransportHealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courts: CourtDirectoryFollower,
    private readonly nats: NatsConnectionService,
  ) {}

  /** Every court of the directory, and any other node heard from, by court code. */
  async courtNodes(now = new Date()): Promise<CourtNodeHealth[]> {
    const rows = await this.dataSource.query<CourtNodeRow[]>('SELECT * FROM court_nodes');
    const heard = new Map(rows.map((row) => [row.court, row]));
    const codes = [
      ...new Set([...this.courts.directory.all.map((court) => court.code), ...heard.keys()]),
    ];
    return codes.sort().map((code) => {
      const record = this.courts.directory.find(code);
      const node = heard.get(code);
      const silentAfterMs = (node?.interval_seconds ?? 0) * MISSED_HEARTBEATS * 1000;
      return {
        court: code,
        nameZh: record?.name.zh ?? null,
        nameEn: record?.name.en ?? null,
        province: record?.province ?? null,
        lastSeenAt: node?.last_seen_at.toISOString() ?? null,
        silent: !node || now.getTime() - node.last_seen_at.getTime() > silentAfterMs,
        startedAt: node?.started_at.toISOString() ?? null,
        consumerPending: node?.consumer_pending ?? null,
        outboxPending: node?.outbox_pending ?? null,
        oldestOutboxAt: node?.oldest_outbox_at?.toISOString() ?? null,
        deadLetters: node?.dead_letters ?? null,
        auditHead: node?.audit_head_hash
          ? `${node.audit_head_sequence}:${node.audit_head_hash}`
          : null,
      };
    });
  }
}
