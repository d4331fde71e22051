import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrackMilestonesForTheMonitor1764900000000 implements MigrationInterface {
  name = 'TrackMilestonesForTheMonitor1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE requests
         ADD COLUMN milestones jsonb NOT NULL DEFAULT '{}',
         ADD COLUMN escalated_at timestamptz,
         ADD COLUMN return_reason text`,
    );
    // Requests from before: what is known is when they were sent and when the current state began.
    await queryRunner.query(
      `UPDATE requests SET
         milestones = jsonb_strip_nulls(jsonb_build_object(
           'sentAt', CASE WHEN side = 'requesting' THEN created_at END,
           CASE state WHEN 'DELIVERED' THEN 'deliveredAt' WHEN 'ACCEPTED' THEN 'acceptedAt'
             WHEN 'RETURNED' THEN 'returnedAt' WHEN 'RESULT_REPORTED' THEN 'resultReportedAt'
             WHEN 'CLOSED' THEN 'closedAt' WHEN 'WITHDRAWN' THEN 'withdrawnAt' ELSE 'unknown' END,
           state_since)) - 'unknown',
         escalated_at = case_escalated_at`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE requests DROP COLUMN milestones, DROP COLUMN escalated_at, DROP COLUMN return_reason',
    );
  }
}
