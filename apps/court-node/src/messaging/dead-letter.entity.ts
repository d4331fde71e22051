import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message that kept failing for a reason other than its content (a bug, a resource that stayed
 * unavailable) and was taken out of the delivery loop after the maximum number of deliveries.
 * It waits here, listed over HTTP, until someone replays it.
 */
@Entity('dead_letters')
export class DeadLetter {
  @ApiProperty()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ApiProperty()
  @Column('text')
  subject: string;

  @ApiProperty()
  @Column('text')
  payload: string;

  /** The error of the last attempt. */
  @ApiProperty()
  @Column('text')
  error: string;

  @ApiProperty()
  @Column('integer')
  deliveries: number;

  @ApiProperty()
  @CreateDateColumn({ name: 'parked_at', type: 'timestamptz' })
  parkedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;
}
