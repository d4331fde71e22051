import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity } from 'typeorm';
import { MoneyRecord } from './money-record';

/** Money the receiving court recovered on a delegation, before it transfers it on. */
@Entity('fund_recoveries')
export class FundRecovery extends MoneyRecord {
  /** The delegation (a task at this court) the money was recovered on. */
  @ApiProperty()
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ApiProperty({ example: '中国工商银行榆林分行' })
  @Column('text')
  payer: string;

  @ApiProperty({ example: '2024-05-06' })
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;
}
