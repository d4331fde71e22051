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
    return startOfChinaDay(this.calendar.dayBefore(expiresOn, this.policy.expiryAlert));
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
