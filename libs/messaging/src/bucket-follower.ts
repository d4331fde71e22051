import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { KV, KvEntry, NatsConnection, QueuedIterator } from 'nats';
import { NatsConnectionService, SHUTDOWN_WAIT_MS } from './nats-connection.service';
import { settleWithin } from './settle-within';

const RETRY_DELAY_MS = 1_000;
/** While NATS is not connected yet: short, so the bucket is read soon after start-up. */
const CONNECT_POLL_MS = 100;

/**
 * Follows a JetStream key-value bucket the network's administrators write: every entry as it is
 * now, then every change, across NATS outages (it watches again once the connection is back).
 * A subclass says which bucket and keys, and adopts each entry.
 */
export abstract class BucketFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private watcher?: QueuedIterator<KvEntry>;
  private stopping = false;
  private following?: Promise<void>;

  constructor(protected readonly nats: NatsConnectionService) {}

  /** The bucket, created with its settings if it does not exist yet. */
  protected abstract openBucket(connection: NatsConnection): Promise<KV>;
  /** The key to watch; `>` for every key. */
  protected abstract readonly watchedKey: string;
  /** Takes in an entry; the first ones are the bucket's content, then each change as it comes. */
  protected abstract adopt(entry: KvEntry): void;
  /** Called once the entries that were in the bucket when the watch began have been adopted. */
  protected caughtUp(): void {}

  onApplicationBootstrap(): void {
    this.following = this.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.watcher?.stop();
    await settleWithin(this.following ?? Promise.resolve(), SHUTDOWN_WAIT_MS);
  }

  private async follow(): Promise<void> {
    while (!this.stopping) {
      const connection = this.nats.current;
      if (!connection || !this.nats.isConnected) {
        await sleep(CONNECT_POLL_MS);
        continue;
      }
      try {
        const bucket = await this.openBucket(connection);
        this.watcher = await bucket.watch({
          key: this.watchedKey,
          initializedFn: () => this.caughtUp(),
        });
        if (this.stopping) this.watcher.stop();
        for await (const entry of this.watcher) this.adopt(entry);
      } catch (error) {
        this.logger.warn(`cannot follow the bucket: ${describeError(error)}`);
      }
      if (!this.stopping) await sleep(RETRY_DELAY_MS);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
