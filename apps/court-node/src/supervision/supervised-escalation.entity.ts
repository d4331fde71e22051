import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A request between two other courts, escalated to this court because a court under it is late. */
@Entity('supervised_escalations')
export class SupervisedEscalation {
  /** The `request.escalated` message. */
  @ApiProperty()
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ApiProperty()
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ApiProperty({ example: 'xinzhou' })
  @Column({ name: 'requesting_court', type: 'text' })
  requestingCourt: string;

  /** The court under this one whose time limit passed. */
  @ApiProperty({ example: 'yulin' })
  @Column({ name: 'receiving_court', type: 'text' })
  receivingCourt: string;

  @ApiProperty({ type: String, nullable: true, example: '(2024)晋09执123号' })
  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber: string | null;

  @ApiProperty()
  @Column({ name: 'overdue_since', type: 'timestamptz' })
  overdueSince: Date;

  @ApiProperty()
  @Column('text')
  reason: string;

  @ApiProperty()
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
