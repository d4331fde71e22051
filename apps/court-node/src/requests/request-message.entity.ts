import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of a request's timeline: a message this court sent or received about it, kept as
 * the record of who said what, when. A receipt from the other court sets `deliveredAt` on the
 * message it acknowledges instead of appearing on its own.
 */
@Entity('request_messages')
@Index('request_messages_timeline', ['requestId', 'recordedAt'])
export class RequestMessage {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column('text')
  direction: 'in' | 'out';

  @Column('text')
  type: string;

  @Column({ name: 'from_court', type: 'text' })
  fromCourt: string;

  @Column({ name: 'to_court', type: 'text' })
  toCourt: string;

  @Column('jsonb')
  body: Record<string, unknown>;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** False for a message that arrived too late to matter, e.g. after the request was closed. */
  @Column({ name: 'changed_state', type: 'boolean' })
  changedState: boolean;
}
