import { NatsConnectionService, settleWithin, SHUTDOWN_WAIT_MS } from '@enforcement-link/messaging';
import {
  COURT_DIRECTORY_KEY,
  courtDirectoryBucket,
  CourtDirectory,
  CourtRecord,
  FieldError,
  MatterType,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { KvEntry, QueuedIterator } from 'nats';
import { RequestRefused } from '../common/domain-errors';
import { CourtNodeEnvironment } from '../config/court-node.environment';

const RETRY_DELAY_MS = 1_000;

/**
 * The network's courts as this node knows them, consulted before anything is sent: a request
 * to an unknown court, to this court itself, or for a matter the court does not take on is
 * refused at once instead of travelling to be returned.
 *
 * Every node follows the directory the network's administrators publish in the JetStream
 * key-value bucket `<NAMESPACE>_COURT_DIRECTORY`; until one is published (or while a published
 * one is invalid) it uses the Yellow River bend directory built into the protocol library.
 */
@Injectable()
export class CourtDirectoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CourtDirectoryService.name);
  private directory = CourtDirectory.from(YELLOW_RIVER_BEND_COURTS);
  private watcher?: QueuedIterator<KvEntry>;
  private stopping = false;
  private following?: Promise<void>;

  constructor(
    private readonly environment: CourtNodeEnvironment,
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

  get all(): CourtRecord[] {
    return this.directory.all;
  }

  /** The court one level up, which supervises `court`'s work when a time limit passes. */
  superiorOf(court: string): string | undefined {
    return this.directory.find(court)?.superiorCourt;
  }

  /** Throws RequestRefused naming `field` unless `court` takes on this kind of request. */
  checkReceiver(field: string, court: string, matterType?: MatterType): void {
    const problem = this.receiverProblem(court, matterType);
    if (problem) throw new RequestRefused([{ field, rule: problem } satisfies FieldError]);
  }

  private receiverProblem(court: string, matterType?: MatterType): string | undefined {
    const record = this.directory.find(court);
    if (!record) return `${court} is not a court of the network directory`;
    if (court === this.environment.COURT_ID) return 'a court cannot ask itself for help';
    if (matterType === undefined) {
      return record.acceptsAssetSearches ? undefined : `${court} does not take asset searches`;
    }
    return this.directory.acceptsMatter(court, matterType)
      ? undefined
      : `${court} does not take on ${matterType}; it takes ${record.matterTypes.join(', ')}`;
  }

  private async followPublishedDirectory(): Promise<void> {
    while (!this.stopping) {
      const connection = this.nats.current;
      if (connection && this.nats.isConnected) {
        try {
          const bucket = await connection
            .jetstream()
            .views.kv(courtDirectoryBucket(this.environment.NATS_NAMESPACE));
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
      this.directory = CourtDirectory.from(entry.json<unknown[]>());
      this.logger.log(`following court directory revision ${entry.revision}`);
    } catch (error) {
      this.logger.error(`ignoring court directory revision ${entry.revision}: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
