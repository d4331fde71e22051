import {
  COURT_DIRECTORY_KEY,
  courtDirectoryBucket,
  CourtDirectory,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { KV, KvEntry, NatsConnection } from 'nats';
import { BucketFollower, describeError } from './bucket-follower';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { NatsConnectionService } from './nats-connection.service';
import { createdConcurrently } from './streams/provision-streams';

/**
 * The network's courts as this service knows them. Every service follows the directory the
 * network's administrators publish in the JetStream key-value bucket
 * `<NAMESPACE>_COURT_DIRECTORY`; until one is published (or while a published one is invalid)
 * it uses the Yellow River bend directory built into the protocol library.
 */
@Injectable()
export class CourtDirectoryFollower extends BucketFollower {
  protected readonly logger = new Logger(CourtDirectoryFollower.name);
  protected readonly watchedKey = COURT_DIRECTORY_KEY;
  private current = CourtDirectory.from(YELLOW_RIVER_BEND_COURTS);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    nats: NatsConnectionService,
  ) {
    super(nats);
  }

  get directory(): CourtDirectory {
    return this.current;
  }

  protected openBucket(connection: NatsConnection): Promise<KV> {
    return createdConcurrently(() =>
      connection.jetstream().views.kv(courtDirectoryBucket(this.options.namespace), {
        replicas: this.options.client.streamReplicas,
      }),
    );
  }

  protected adopt(entry: KvEntry): void {
    if (entry.operation !== 'PUT') return;
    try {
      this.current = CourtDirectory.from(entry.json<unknown[]>());
      this.logger.log(`following court directory revision ${entry.revision}`);
    } catch (error) {
      this.logger.error(
        `ignoring court directory revision ${entry.revision}: ${describeError(error)}`,
      );
    }
  }
}
