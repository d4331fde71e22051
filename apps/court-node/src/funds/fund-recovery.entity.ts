import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FEN_COLUMN } from './fen-column';

/** Money the receiving court recovered on a delegation, before it transfers it on. */
@Entity('fund_recoveries')
export class FundRecovery {
  @ApiProperty()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The delegation (a task at this court) the money was recovered on. */
  @ApiProperty()
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ApiProperty({ description: 'Integer fen', example: 10_000_000 })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: FEN_COLUMN })
  amountFen: number;

  @ApiProperty({ example: '中国工商银行榆林分行' })
  @Column('text')
  payer: string;

  @ApiProperty({ example: '2024-05-06' })
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @ApiProperty({ example: 'KH20240506-000045' })
  @Column({ name: 'bank_reference', type: 'text' })
  bankReference: string;

  @ApiProperty()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
