import {
  addMonths,
  CalendarDate,
  chinaDate,
  endOfChinaDay,
  isWeekday,
  nextDate,
  startOfChinaDay,
} from './china-dates';

/** How a time limit is counted. */
export interface TimeLimitRule {
  amount: number;
  /**
   * `minutes` run in plain time, with no calendar: for training and demonstration networks,
   * where a limit must run out while someone watches.
   */
  unit: 'days' | 'working-days' | 'months' | 'minutes';
}

export interface CalendarSettings {
  /** Public holidays that fall on weekdays (and any other day off). */
  holidays: CalendarDate[];
  /** Weekend days worked to make up for a holiday (调休上班). */
  workingWeekendDays: CalendarDate[];
}

/**
 * Counts time limits the way courts do: the day a period starts does not count, it ends at
 * 24:00 of its last day, China time, and a period counted in days or months whose last day is
 * not a working day ends at the end of the next working day. Working days are weekdays that
 * are not holidays, and the weekend days worked in their place.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<CalendarDate>;
  private readonly workingWeekendDays: ReadonlySet<CalendarDate>;

  constructor(settings: CalendarSettings) {
    this.holidays = new Set(settings.holidays);
    this.workingWeekendDays = new Set(settings.workingWeekendDays);
  }

  isWorkingDay(date: CalendarDate): boolean {
    if (this.holidays.has(date)) return false;
    return this.workingWeekendDays.has(date) || isWeekday(date);
  }

  /** The day that lies `rule` before `date`, e.g. to warn ahead of an expiry. */
  dayBefore(date: CalendarDate, rule: TimeLimitRule): CalendarDate {
    if (rule.unit === 'minutes') return date;
    if (rule.unit === 'months') return addMonths(date, -rule.amount);
    let day = date;
    for (let counted = 0; counted < rule.amount;) {
      day = nextDate(day, -1);
      if (rule.unit === 'days' || this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /**
   * When a period of `rule` that ends at `end` started: for calendar units the start of that
   * day, China time, e.g. the moment an alert ahead of an expiry is due.
   */
  startBefore(end: Date, rule: TimeLimitRule): Date {
    if (rule.unit === 'minutes') return new Date(end.getTime() - rule.amount * 60_000);
    return startOfChinaDay(this.dayBefore(chinaDate(end), rule));
  }

  /** When a period of `rule` that starts at `start` ends. */
  dueAt(start: Date, rule: TimeLimitRule): Date {
    if (rule.unit === 'minutes') return new Date(start.getTime() + rule.amount * 60_000);
    let day = chinaDate(start);
    if (rule.unit === 'months') {
      day = addMonths(day, rule.amount);
    } else {
      for (let counted = 0; counted < rule.amount;) {
        day = nextDate(day);
        if (rule.unit === 'days' || this.isWorkingDay(day)) counted++;
      }
    }
    while (!this.isWorkingDay(day)) day = nextDate(day);
    return endOfChinaDay(day);
  }
}
