import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message this court has committed to send. It is written in the same transaction as the
 * state change it announces, and stays until JetStream has acknowledged it, so a crash or a NATS
 * outage between the two can delay a message but never lose it.
 */
@Entity('outbox_messages')
@Index('outbox_messages_pending', ['nextAttemptAt'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** The envelope id; also the `Nats-Msg-Id` JetStream de-duplicates on. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  /** The message exactly as it goes on the wire (text, not jsonb, which would reorder keys). */
  @Column('text')
  payload: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
