import { BeforeApplicationShutdown, Injectable, MessageEvent } from '@nestjs/common';
import { auditTime, interval, map, merge, Observable, Subject, takeUntil } from 'rxjs';

/** At most one update a second, however fast changes come. */
const UPDATE_EVERY_MS = 1_000;
/** A comment now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Tells pages that show live data that it changed, over server-sent events. The streams end
 * when the service stops, so open pages never keep its HTTP server from closing.
 */
@Injectable()
export class LiveUpdates implements BeforeApplicationShutdown {
  private readonly changes = new Subject<object>();
  private readonly stopping = new Subject<void>();

  /** Announces a change; `data` is what the event carries. */
  publish(data: object): void {
    this.changes.next(data);
  }

  /** Events of `type` carrying the latest change, at most one a second, and keep-alives. */
  stream(type: string): Observable<MessageEvent> {
    return merge(
      this.changes.pipe(
        auditTime(UPDATE_EVERY_MS),
        map((data) => ({ type, data })),
      ),
      interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'keep-alive', data: {} }))),
    ).pipe(takeUntil(this.stopping));
  }

  beforeApplicationShutdown(): void {
    this.stopping.next();
    this.stopping.complete();
    this.changes.complete();
  }
}
