import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { MoneyRecord } from './money-record';

/** Money the requesting court paid out of a case account to the winning party. */
@Entity('fund_payouts')
export class FundPayout extends MoneyRecord {
  /** The case whose account paid, with half-width parentheses. */
  @ApiProperty({ example: '(2024)晋09执123号' })
  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @ApiProperty({ example: '山西某某商贸有限公司' })
  @Column('text')
  payee: string;

  @ApiProperty({ example: '2024-05-10' })
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;
}
