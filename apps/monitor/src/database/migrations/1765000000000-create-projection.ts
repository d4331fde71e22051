import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjection1765000000000 implements MigrationInterface {
  name = 'CreateProjection1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Every event read from the stream, once: the timeline of each request, and what the
    // projection can be recomputed from.
    await queryRunner.query(`
      CREATE TABLE monitor_events (
        id uuid PRIMARY KEY,
        stream_sequence bigint NOT NULL,
        type text NOT NULL,
        court text NOT NULL,
        request_id uuid,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX monitor_events_request ON monitor_events (request_id, occurred_at)',
    );
    // One row per request, merged from the snapshots both of its courts publish.
    await queryRunner.query(`
      CREATE TABLE monitored_requests (
        request_id uuid PRIMARY KEY,
        kind text NOT NULL,
        matter_type text,
        requesting_court text NOT NULL,
        receiving_court text NOT NULL,
        forwarded_to text,
        state text NOT NULL,
        is_open boolean NOT NULL,
        state_since timestamptz NOT NULL,
        snapshot_at timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        due_at timestamptz,
        overdue_since timestamptz,
        was_overdue boolean NOT NULL,
        escalated_at timestamptz,
        return_reason text,
        sent_at timestamptz,
        delivered_at timestamptz,
        accepted_at timestamptz,
        returned_at timestamptz,
        result_reported_at timestamptz,
        closed_at timestamptz,
        withdrawn_at timestamptz,
        concluded_at timestamptz,
        recovered_fen bigint NOT NULL,
        transferred_fen bigint NOT NULL,
        confirmed_fen bigint NOT NULL,
        ended_at timestamptz,
        paid_out_fen bigint NOT NULL DEFAULT 0,
        payout_days integer[]
      )`);
    // Covers every column the backlog tables read, so they scan only the open requests' index.
    await queryRunner.query(
      `CREATE INDEX monitored_requests_open ON monitored_requests (receiving_court)
         INCLUDE (requesting_court, kind, matter_type, state, opened_at, overdue_since, escalated_at)
         WHERE is_open`,
    );
    await queryRunner.query(
      `CREATE INDEX monitored_requests_overdue ON monitored_requests (overdue_since)
         WHERE is_open AND overdue_since IS NOT NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX monitored_requests_opened ON monitored_requests (opened_at)',
    );
    await queryRunner.query(
      'CREATE INDEX monitored_requests_ended ON monitored_requests (ended_at) WHERE ended_at IS NOT NULL',
    );
    // Where in the events stream the projection stands, committed with what it applied.
    await queryRunner.query(`
      CREATE TABLE projection_positions (
        stream text PRIMARY KEY,
        last_sequence bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE court_nodes (
        court text PRIMARY KEY,
        last_seen_at timestamptz NOT NULL,
        started_at timestamptz NOT NULL,
        interval_seconds integer NOT NULL,
        consumer_pending integer NOT NULL,
        outbox_pending integer NOT NULL,
        oldest_outbox_at timestamptz,
        dead_letters integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE court_nodes, projection_positions, monitored_requests, monitor_events',
    );
  }
}
