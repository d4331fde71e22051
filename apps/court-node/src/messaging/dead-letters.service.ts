import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { RequestNotFound } from '../common/domain-errors';
import { DeadLetter } from './dead-letter.entity';
import { InboxService } from './inbox.service';

export type ReplayOutcome =
  { outcome: 'processed' | 'duplicate' | 'rejected' } | { outcome: 'failed'; error: string };

@Injectable()
export class DeadLettersService {
  constructor(
    @InjectRepository(DeadLetter) private readonly deadLetters: Repository<DeadLetter>,
    private readonly inbox: InboxService,
  ) {}

  /** Messages waiting to be replayed, oldest first. */
  waiting(): Promise<DeadLetter[]> {
    return this.deadLetters.find({ where: { replayedAt: IsNull() }, order: { parkedAt: 'ASC' } });
  }

  /**
   * Hands the message to the inbox again, as if it had just arrived. On success it leaves the
   * list; if it fails again it stays, with the new error.
   */
  async replay(id: string): Promise<ReplayOutcome> {
    const letter = await this.deadLetters.findOneBy({ id, replayedAt: IsNull() });
    if (!letter) throw new RequestNotFound('dead letter', id);
    const settlement = await this.inbox.receive({
      subject: letter.subject,
      data: Buffer.from(letter.payload, 'utf8'),
      deliveryCount: 1,
      // It was judged on arrival, minutes before it was parked; its stream time is not kept.
      storedAt: letter.parkedAt,
    });
    if (settlement.action === 'nak') {
      await this.deadLetters.update(id, { error: settlement.error });
      return { outcome: 'failed', error: settlement.error };
    }
    await this.deadLetters.update(id, { replayedAt: new Date() });
    return { outcome: settlement.outcome === 'parked' ? 'processed' : settlement.outcome };
  }
}
