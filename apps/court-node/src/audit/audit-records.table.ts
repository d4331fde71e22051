import { AuditRecord, ChainHead } from './audit-chain';

/**
 * The `audit_records` table as SQL: the one place that knows its columns, for the node that
 * appends to it and the command line that verifies it.
 */

/** A row as the pg driver returns it: bigint as text, timestamptz as a Date, jsonb parsed. */
interface AuditRecordRow {
  sequence: string;
  recorded_at: Date;
  actor: AuditRecord['actor'];
  action: AuditRecord['action'];
  request_id: string | null;
  message_id: string | null;
  detail: AuditRecord['detail'];
  previous_hash: string;
  hash: string;
}

const COLUMNS =
  'sequence, recorded_at, actor, action, request_id, message_id, detail, previous_hash, hash';

/** Up to `limit` records after `afterSequence`, in order: one batch of a walk through the chain. */
export const SELECT_RECORDS_AFTER = `SELECT ${COLUMNS} FROM audit_records
  WHERE sequence > $1 ORDER BY sequence LIMIT $2`;

/** The newest record. */
export const SELECT_HEAD =
  'SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1';

/**
 * Takes the append lock, held until the transaction ends, then reads the newest record, which
 * then includes those of the transaction that held the lock before (see the function's
 * migration). Every replica of the court appends under the same lock.
 */
export const LOCK_AND_SELECT_HEAD = 'SELECT sequence, hash FROM audit_records_lock_head()';

export function recordFromRow(row: AuditRecordRow): AuditRecord {
  return {
    sequence: Number(row.sequence),
    recordedAt: row.recorded_at.toISOString(),
    actor: row.actor,
    action: row.action,
    requestId: row.request_id,
    messageId: row.message_id,
    detail: row.detail,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

export function headFromRow(row: Pick<AuditRecordRow, 'sequence' | 'hash'>): ChainHead {
  return { sequence: Number(row.sequence), hash: row.hash };
}

/** One multi-row INSERT of `records`, with its parameters. */
export function insertRecords(records: AuditRecord[]): [string, unknown[]] {
  const parameters: unknown[] = [];
  const rows = records.map((record) => {
    const values = [
      record.sequence,
      record.recordedAt,
      JSON.stringify(record.actor),
      record.action,
      record.requestId,
      record.messageId,
      JSON.stringify(record.detail),
      record.previousHash,
      record.hash,
    ];
    const first = parameters.length + 1;
    parameters.push(...values);
    return `(${values.map((_value, i) => `$${first + i}`).join(', ')})`;
  });
  return [`INSERT INTO audit_records (${COLUMNS}) VALUES ${rows.join(', ')}`, parameters];
}
