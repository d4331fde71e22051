import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import { FEN_COLUMN } from './fen-column';

/** What every record of money moved has: an amount in fen, a bank reference, when it was noted. */
export abstract class MoneyRecord {
  @ApiProperty()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ApiProperty({ description: 'Integer fen', example: 10_000_000 })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: FEN_COLUMN })
  amountFen: number;

  @ApiProperty({ example: 'ZF20240506-000123' })
  @Column({ name: 'bank_reference', type: 'text' })
  bankReference: string;

  @ApiProperty()
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
