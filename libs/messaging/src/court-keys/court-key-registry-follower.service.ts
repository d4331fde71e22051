import { CourtKeyRegistry } from '@enforcement-link/protocol';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { KV, KvEntry, NatsConnection } from 'nats';
import { BucketFollower, describeError } from '../bucket-follower';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging-options';
import { NatsConnectionService } from '../nats-connection.service';
import { courtEntryRecords, openCourtKeysBucket } from './court-keys-bucket';

/**
 * The network's court signing keys as this service knows them, followed from the bucket
 * `<NAMESPACE>_COURT_KEYS` the administrators write. Until the bucket has been read once the
 * registry is not `loaded`: a message cannot be judged yet, which is not the same as being
 * signed by an unknown key. An invalid court entry is logged and that court keeps its
 * previous keys.
 */
@Injectable()
export class CourtKeyRegistryFollower extends BucketFollower {
  protected readonly logger = new Logger(CourtKeyRegistryFollower.name);
  protected readonly watchedKey = '>';
  private readonly entries = new Map<string, unknown[]>();
  private current = CourtKeyRegistry.EMPTY;
  private readonly listeners: ((registry: CourtKeyRegistry) => void)[] = [];
  private caughtUpOnce = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    nats: NatsConnectionService,
  ) {
    super(nats);
  }

  get registry(): CourtKeyRegistry {
    return this.current;
  }

  /** Whether the bucket has been read once: until then no message can be judged. */
  get loaded(): boolean {
    return this.caughtUpOnce;
  }

  /** Calls `listener` once the bucket has been read, and after each change from then on. */
  onChange(listener: (registry: CourtKeyRegistry) => void): void {
    this.listeners.push(listener);
  }

  protected openBucket(connection: NatsConnection): Promise<KV> {
    return openCourtKeysBucket(
      connection.jetstream(),
      this.options.namespace,
      this.options.client.streamReplicas,
    );
  }

  protected adopt(entry: KvEntry): void {
    try {
      if (entry.operation === 'PUT') {
        const records = courtEntryRecords(entry.key, entry.json());
        CourtKeyRegistry.from(records);
        this.entries.set(entry.key, records);
      } else {
        this.entries.delete(entry.key);
      }
      this.current = CourtKeyRegistry.from([...this.entries.values()].flat());
      if (this.caughtUpOnce) this.notify();
    } catch (error) {
      this.logger.error(
        `ignoring revision ${entry.revision} of ${entry.key}'s keys: ${describeError(error)}`,
      );
    }
  }

  protected override caughtUp(): void {
    if (this.caughtUpOnce) return;
    this.caughtUpOnce = true;
    this.logger.log(`following the court key registry: ${this.current.all.length} keys`);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
