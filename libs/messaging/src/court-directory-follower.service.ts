import {
  COURT_DIRECTORY_KEY,
  courtDirectoryBucket,
  CourtDirectory,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { KvEntry, QueuedIterator } from 'nats';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { NatsConnectionService, SHUTDOWN_WAIT_MS } from './nats-connection.service';
import { settleWithin } from './settle-within';

const RETRY_DELAY_MS = 1_000;

/**
 * The network's courts as this service knows them. Every service follows the directory the
 * network's administrators publish in the JetStream key-value bucket
 * `<NAMESPACE>_COURT_DIRECTORY`; until one is published (or while a published one is invalid)
 * it uses the Yellow River bend directory built into the protocol library.
 */
@Injectable()
export class CourtDirectoryFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CourtDirectoryFollower.name);
  private current = CourtDirectory.from(YELLOW_RIVER_BEND_COURTS);
  private watcher?: QueuedIterator<KvEntry>;
  private stopping = false;
  private following?: Promise<void>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nats: NatsConnectionService,
  ) {}

  onApplicationBootstrap(): void {
    this.following = this.followPublishedDirectory();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.watcher?.stop();
    await settleWithin(this.following ?? Promise.resolve(), SHUTDOWN_WAIT_MS);
  }

  get directory(): CourtDirectory {
    return this.current;
  }

  private async followPublishedDirectory(): Promise<void> {
    while (!this.stopping) {
      const connection = this.nats.current;
      if (connection && this.nats.isConnected) {
        try {
          const bucket = await connection
            .jetstream()
            .views.kv(courtDirectoryBucket(this.options.namespace));
          this.watcher = await bucket.watch({ key: COURT_DIRECTORY_KEY });
          if (this.stopping) this.watcher.stop();
          for await (const entry of this.watcher) this.adopt(entry);
        } catch (error) {
          this.logger.warn(`cannot follow the published court directory: ${describe(error)}`);
        }
      }
      if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }

  private adopt(entry: KvEntry): void {
    if (entry.operation !== 'PUT') return;
    try {
      this.current = CourtDirectory.from(entry.json<unknown[]>());
      this.logger.log(`following court directory revision ${entry.revision}`);
    } catch (error) {
      this.logger.error(`ignoring court directory revision ${entry.revision}: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
