import { MatterType, RequestKind, RequestState } from '@enforcement-link/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { DeadlinePolicy, timeLimitFor } from './deadline-policy';
import { CalendarDate, startOfChinaDay } from './china-dates';
import { WorkingCalendar } from './working-calendar';

export const DEADLINE_POLICY = Symbol('DeadlinePolicy');

/** Due dates under the court's deadline policy and working calendar. */
@Injectable()
export class DeadlinesService {
  private readonly calendar: WorkingCalendar;

  constructor(@Inject(DEADLINE_POLICY) private readonly policy: DeadlinePolicy) {
    this.calendar = new WorkingCalendar(policy.calendar);
  }

  /** When to alert the requesting court about a freeze or seal that lapses on `expiresOn`. */
  expiryAlertAt(expiresOn: CalendarDate): Date {
    return this.calendar.startBefore(startOfChinaDay(expiresOn), this.policy.expiryAlert);
  }

  /** Whether escalations go to the superior court itself as well. */
  get notifiesSuperiorCourt(): boolean {
    return this.policy.notifySuperiorCourt;
  }

  /** When a delegation accepted at `acceptedAt` owes a progress report if still unfinished. */
  progressReportDueAt(acceptedAt: Date): Date {
    return this.calendar.dueAt(acceptedAt, this.policy.progressReport);
  }

  /** Requests sent before this instant have run past the whole-case limit at `now`. */
  wholeCaseCutoff(now: Date): Date {
    return this.calendar.startBefore(now, this.policy.wholeCase);
  }

  /** When the step a request entered at `since` is due; null when nothing is due. */
  dueDateFor(
    kind: RequestKind,
    matterType: MatterType | null,
    state: RequestState,
    since: Date,
  ): Date | null {
    const limit = timeLimitFor(this.policy, kind, matterType, state);
    return limit ? this.calendar.dueAt(since, limit) : null;
  }
}
