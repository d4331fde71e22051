import { ruleDecorator } from '../validation/rule-decorator';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const TIMESTAMP_RULE =
  'an ISO 8601 timestamp with a UTC offset, e.g. 2024-03-01T09:30:00+08:00 or 2024-03-01T01:30:00Z';
export const CALENDAR_DATE_RULE = 'a calendar date YYYY-MM-DD, e.g. 2025-03-01';

/**
 * A point in time that says its offset: courts in one time zone today, but a timestamp without
 * an offset means different instants to different readers.
 */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = TIMESTAMP.exec(value);
  return (
    match !== null &&
    isRealDate(match) &&
    Number(match[4]) < 24 &&
    Number(match[5]) < 60 &&
    Number(match[6]) < 60
  );
}

/** A day without a time, such as the expiry date of a freeze or a seal. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && isRealDate(match);
}

function isRealDate([, year, month, day]: RegExpExecArray): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

export const IsTimestamp = ruleDecorator('isTimestamp', TIMESTAMP_RULE, isTimestamp, {
  type: 'string',
  format: 'date-time',
  pattern: TIMESTAMP.source,
});
export const IsCalendarDate = ruleDecorator('isCalendarDate', CALENDAR_DATE_RULE, isCalendarDate, {
  type: 'string',
  format: 'date',
});
