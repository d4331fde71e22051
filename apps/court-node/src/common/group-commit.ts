import { AsyncResource } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/** One caller's part of a shared transaction; it must start from nothing each time it runs. */
export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

interface Piece {
  work: TransactionWork<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most pieces one transaction takes; more start the next. */
const MAX_PIECES = 64;

/**
 * Group commit: the work of callers that arrive together (HTTP requests handled in the same
 * turn of the event loop) runs in one transaction, so that they share one commit and one
 * append to the audit trail instead of queueing for the trail's lock one after another. Each
 * piece runs in its caller's asynchronous context, so the audit trail and the logs know whom
 * it is done for. Should the shared transaction fail, each piece runs again in a transaction
 * of its own: one caller's failure is never another's.
 */
export class GroupCommit {
  private gathering?: Piece[];

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: TransactionWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const gathering = this.gathering ?? this.gather();
      gathering.push({
        work: AsyncResource.bind(work),
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      if (gathering.length === MAX_PIECES) this.gathering = undefined;
    });
  }

  private gather(): Piece[] {
    const gathering: Piece[] = [];
    this.gathering = gathering;
    setImmediate(() => {
      if (this.gathering === gathering) this.gathering = undefined;
      void this.commit(gathering);
    });
    return gathering;
  }

  private async commit(pieces: Piece[]): Promise<void> {
    if (pieces.length > 1) {
      try {
        const results = await this.dataSource.transaction(async (manager) => {
          const done: unknown[] = [];
          for (const piece of pieces) done.push(await piece.work(manager));
          return done;
        });
        pieces.forEach((piece, i) => piece.resolve(results[i]));
        return;
      } catch {
        // Run one by one below, where each failure reaches its own caller.
      }
    }
    await Promise.all(
      pieces.map((piece) =>
        this.dataSource.transaction(piece.work).then(piece.resolve, piece.reject),
      ),
    );
  }
}
