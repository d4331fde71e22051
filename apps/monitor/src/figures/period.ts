/** Courts count days in China Standard Time. */
const CHINA_OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A period of sending times: from its first instant, up to and excluding `until`. */
export interface Period {
  from?: Date;
  until?: Date;
}

/** The days `from` to `to` (YYYY-MM-DD, both included); an open end when one is left out. */
export function periodOfDays(from?: string, to?: string): Period {
  return {
    ...(from ? { from: startOfChinaDay(from) } : {}),
    ...(to ? { until: new Date(startOfChinaDay(to).getTime() + DAY_MS) } : {}),
  };
}

/** The calendar month `month` (YYYY-MM). */
export function periodOfMonth(month: string): Period {
  const [year, number] = month.split('-').map(Number);
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return { from: startOfChinaDay(`${month}-01`), until: startOfChinaDay(`${next}-01`) };
}

function startOfChinaDay(date: string): Date {
  return new Date(`${date}T00:00:00${CHINA_OFFSET}`);
}
