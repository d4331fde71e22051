import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message that kept failing for a reason other than its content (a bug, a resource that stayed
 * unavailable) and was taken out of the delivery loop after the maximum number of deliveries.
 * It waits here, listed over HTTP, until someone replays it.
 */
@Entity('dead_letters')
export class DeadLetter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  @Column('text')
  payload: string;

  /** The error of the last attempt. */
  @Column('text')
  error: string;

  @Column('integer')
  deliveries: number;

  @CreateDateColumn({ name: 'parked_at', type: 'timestamptz' })
  parkedAt: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;
}
