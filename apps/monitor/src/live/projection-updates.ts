import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { Observable, Subject, takeUntil } from 'rxjs';

/** Announces every batch of events applied to the projection, for pages that show it live. */
@Injectable()
export class ProjectionUpdates implements BeforeApplicationShutdown {
  private readonly applied = new Subject<number>();
  private readonly stopping = new Subject<void>();

  /** Stream positions, one per batch applied. */
  get positions(): Observable<number> {
    return this.applied.asObservable();
  }

  /** Ends `stream` when the service stops, so the HTTP server is not kept open by live pages. */
  untilStopped<T>(stream: Observable<T>): Observable<T> {
    return stream.pipe(takeUntil(this.stopping));
  }

  batchApplied(position: number): void {
    this.applied.next(position);
  }

  beforeApplicationShutdown(): void {
    this.stopping.next();
    this.stopping.complete();
    this.applied.complete();
  }
}
