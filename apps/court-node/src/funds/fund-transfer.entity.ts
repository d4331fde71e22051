import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { FEN_COLUMN } from './fen-column';
import { MoneyRecord } from './money-record';

/**
 * `UNMATCHED`: arrived for a case this court does not have; waits for a person to match it.
 * `IN_TRANSIT`: sent, or arrived for a known case, and not yet confirmed.
 * `CONFIRMED`: the requesting court confirmed the money reached the case account.
 */
export const TRANSFER_STATUSES = ['UNMATCHED', 'IN_TRANSIT', 'CONFIRMED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * One `funds.transferred`: sent by this court as the receiving court (`out`), or received as
 * the requesting court (`in`), with the confirmation of receipt once there is one.
 */
@Entity('fund_transfers')
export class FundTransfer extends MoneyRecord {
  /** The `funds.transferred` message. */
  @ApiProperty()
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ApiProperty({ enum: ['in', 'out'] })
  @Column('text')
  direction: 'in' | 'out';

  /** The delegation the transferring court named; not always one this court knows. */
  @ApiProperty()
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ApiProperty({ example: 'yulin' })
  @Column({ name: 'from_court', type: 'text' })
  fromCourt: string;

  @ApiProperty({ example: 'xinzhou' })
  @Column({ name: 'to_court', type: 'text' })
  toCourt: string;

  /** The case number the transfer named, with half-width parentheses. */
  @ApiProperty({ example: '(2024)晋09执123号' })
  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  /** The case account the money belongs to; unset while unmatched. */
  @ApiProperty({ type: String, nullable: true, example: '(2024)晋09执123号' })
  @Column({ name: 'account_case_number', type: 'text', nullable: true })
  accountCaseNumber: string | null;

  @ApiProperty({ example: '中国工商银行榆林分行' })
  @Column('text')
  payer: string;

  @ApiProperty({ example: '2024-05-06' })
  @Column({ name: 'transferred_on', type: 'date' })
  transferredOn: string;

  @ApiProperty({ enum: TRANSFER_STATUSES })
  @Column('text')
  status: TransferStatus;

  /** Why the transfer matched no case, for the person who sorts it out. */
  @ApiProperty({ type: String, nullable: true })
  @Column({ name: 'unmatched_reason', type: 'text', nullable: true })
  unmatchedReason: string | null;

  /** The amount the requesting court confirmed receiving; a difference is a mismatch. */
  @ApiProperty({ type: Number, nullable: true, description: 'Integer fen' })
  @Column({ name: 'confirmed_fen', type: 'bigint', nullable: true, transformer: FEN_COLUMN })
  confirmedFen: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2024-05-07' })
  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn: string | null;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
