import { RejectionReason } from '@enforcement-link/protocol';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every message that reached this court, valid or not, stored before it is acknowledged. Its
 * key is the message id, so a message JetStream delivers again, even long after its duplicate
 * window, is recognised and has no second effect.
 */
@Entity('inbox_messages')
export class InboxMessage {
  /**
   * The envelope id; a fresh id for a message too broken to have one; an id derived from its
   * bytes for an untrusted message, whose claimed id stays free for the genuine one.
   */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  type: string | null;

  @Column({ name: 'from_court', type: 'text', nullable: true })
  fromCourt: string | null;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  /** The bytes as received, for the record and for a person to inspect a rejection. */
  @Column('text')
  payload: string;

  @Column('text')
  outcome: 'processed' | 'rejected';

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: RejectionReason | null;

  @Column({ name: 'rejection_detail', type: 'text', nullable: true })
  rejectionDetail: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** When JetStream stored it, which its `sentAt` and signing key were judged against. */
  @Column({ name: 'stream_stored_at', type: 'timestamptz', nullable: true })
  streamStoredAt: Date | null;
}
