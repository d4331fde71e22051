/** Courts count days in China time, UTC+8 all year round. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** The date in China at `instant`. */
export function chinaDate(instant: Date): CalendarDate {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function nextDate(date: CalendarDate, step = 1): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of `date` in China. */
export function startOfChinaDay(date: CalendarDate): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Monday to Friday. */
export function isWeekday(date: CalendarDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last instant of `date` in China: a period ends at 24:00 of its last day. */
export function endOfChinaDay(date: CalendarDate): Date {
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`));
}
