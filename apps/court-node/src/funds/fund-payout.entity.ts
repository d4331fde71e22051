import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FEN_COLUMN } from './fen-column';

/** Money the requesting court paid out of a case account to the winning party. */
@Entity('fund_payouts')
export class FundPayout {
  @ApiProperty()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The case whose account paid, with half-width parentheses. */
  @ApiProperty({ example: '(2024)晋09执123号' })
  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @ApiProperty({ description: 'Integer fen', example: 10_000_000 })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: FEN_COLUMN })
  amountFen: number;

  @ApiProperty({ example: '山西某某商贸有限公司' })
  @Column('text')
  payee: string;

  @ApiProperty({ example: '2024-05-10' })
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @ApiProperty({ example: 'FK20240510-000007' })
  @Column({ name: 'bank_reference', type: 'text' })
  bankReference: string;

  @ApiProperty()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
