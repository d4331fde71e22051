import { CourtDirectoryFollower } from '@enforcement-link/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Grouping, RequestFilters, RequestQuery } from '../common/grouping';

/** Upper bounds, in whole days since the request was sent, of the ageing buckets. */
export const AGEING_BUCKETS = [
  { name: 'days0to3', upTo: 3 },
  { name: 'days4to7', upTo: 7 },
  { name: 'days8to15', upTo: 15 },
  { name: 'days16to30', upTo: 30 },
  { name: 'over30Days', upTo: undefined },
] as const;

export interface OverdueRequest {
  requestId: string;
  kind: string;
  matterType: string | null;
  requestingCourt: string;
  receivingCourt: string;
  province: string | null;
  state: string;
  dueAt: string;
  overdueSince: string;
  daysOverdue: number;
  escalatedAt: string | null;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** Courts count days in China Standard Time. */
const CHINA_TIME_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** One group's open backlog at the end of one day. */
export type BacklogDay = Record<string, unknown> & { day: string; open: number };

/** What is open across the network, how old it is, and what is late. */
@Injectable()
export class BacklogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courts: CourtDirectoryFollower,
  ) {}

  /** Open requests per group: how many, how many late, how many escalated, the oldest. */
  backlog(grouping: Grouping, filters: RequestFilters): Promise<Record<string, unknown>[]> {
    const query = new RequestQuery(this.courts.directory, grouping, filters);
    return this.dataSource.query(
      `SELECT ${query.keys}
              count(*)::int AS open,
              count(*) FILTER (WHERE r.overdue_since IS NOT NULL)::int AS overdue,
              count(*) FILTER (WHERE r.escalated_at IS NOT NULL)::int AS escalated,
              min(r.opened_at) AS "oldestOpenedAt"
         FROM ${query.from}
         ${query.where('r.is_open')}
         ${query.groupBy}
         ${query.orderBy}`,
      query.parameters,
    );
  }

  /** Open requests per group by age since they were sent: 0–3, 4–7, 8–15, 16–30, over 30 days. */
  ageing(
    grouping: Grouping,
    filters: RequestFilters,
    now = new Date(),
  ): Promise<Record<string, unknown>[]> {
    const query = new RequestQuery(this.courts.directory, grouping, filters);
    // Aged at most `upTo` whole days: sent after `upTo + 1` days before now, and not in a
    // younger bucket. Bounds are compared as times, so no age is computed per request.
    let youngerBucketStart: string | undefined;
    const buckets = AGEING_BUCKETS.map(({ name, upTo }) => {
      const bounds = youngerBucketStart ? [`r.opened_at <= ${youngerBucketStart}`] : [];
      if (upTo !== undefined) {
        youngerBucketStart = query.parameter(daysBefore(now, upTo + 1));
        bounds.push(`r.opened_at > ${youngerBucketStart}`);
      }
      return `count(*) FILTER (WHERE ${bounds.join(' AND ')})::int AS "${name}"`;
    });
    return this.dataSource.query(
      `SELECT ${query.keys} ${buckets.join(', ')}
         FROM ${query.from}
         ${query.where('r.is_open')}
         ${query.groupBy}
         ${query.orderBy}`,
      query.parameters,
    );
  }

  /**
   * Open requests per group at the end of each of the last `days` days (China Standard Time,
   * today included). Worked back from today's backlog: a day's backlog is today's, less what
   * was sent after that day, plus what ended after it. Reads only the open requests and those
   * sent or ended within the period.
   */
  async history(
    grouping: Grouping,
    filters: RequestFilters,
    days: number,
    now = new Date(),
  ): Promise<BacklogDay[]> {
    const dayOf = (instant: Date) =>
      new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    const today = dayOf(now);
    const first = new Date(`${today}T00:00:00+08:00`).getTime() - (days - 1) * 86_400_000;
    const calendar = Array.from({ length: days }, (_, i) =>
      dayOf(new Date(first + i * 86_400_000)),
    );
    const counts = (condition: string, dayColumn?: string) => {
      const query = new RequestQuery(this.courts.directory, grouping, filters);
      const day = dayColumn
        ? `to_char(${dayColumn} AT TIME ZONE '${CHINA_TIME_ZONE}', 'YYYY-MM-DD') AS day, `
        : '';
      const since = dayColumn ? [`${dayColumn} >= ${query.parameter(new Date(first))}`] : [];
      const groupBy = dayColumn
        ? `${query.groupBy}${query.groupBy ? ',' : 'GROUP BY'} 1`
        : query.groupBy;
      return this.dataSource.query<(Record<string, unknown> & { day?: string; n: number })[]>(
        `SELECT ${day}${query.keys} count(*)::int AS n
           FROM ${query.from}
           ${query.where(condition, ...since)}
           ${groupBy}`,
        query.parameters,
      );
    };
    const [open, sent, ended] = await Promise.all([
      counts('r.is_open'),
      counts('true', 'r.opened_at'),
      counts('r.ended_at IS NOT NULL', 'r.ended_at'),
    ]);
    const keyOf = (row: Record<string, unknown>) =>
      JSON.stringify(Object.entries(row).filter(([name]) => name !== 'n' && name !== 'day'));
    const groups = new Map<string, { keys: Record<string, unknown>; byDay: Map<string, number> }>();
    const add = (rows: typeof open, sign: number) => {
      for (const { n, day, ...keys } of rows) {
        const group = groups.get(keyOf(keys)) ?? { keys, byDay: new Map<string, number>() };
        groups.set(keyOf(keys), group);
        const at = day ?? 'now';
        group.byDay.set(at, (group.byDay.get(at) ?? 0) + sign * n);
      }
    };
    add(open, 1);
    add(sent, -1);
    add(ended, 1);
    const history: BacklogDay[] = [];
    for (const { keys, byDay } of groups.values()) {
      // Walk back from today: the end of day d is today's backlog less the changes after d.
      let backlog = byDay.get('now') ?? 0;
      const series: BacklogDay[] = [];
      for (const day of [...calendar].reverse()) {
        series.unshift({ day, ...keys, open: backlog });
        backlog += byDay.get(day) ?? 0;
      }
      history.push(...series);
    }
    return history.sort((a, b) => a.day.localeCompare(b.day) || keyOf(a).localeCompare(keyOf(b)));
  }

  /** Open requests past their time limit, longest overdue first. */
  overdue(
    filters: RequestFilters,
    page: { limit: number; offset: number },
    now = new Date(),
  ): Promise<OverdueRequest[]> {
    const query = new RequestQuery(this.courts.directory, 'network', filters, true);
    const at = query.parameter(now);
    return this.dataSource.query(
      `SELECT r.request_id AS "requestId", r.kind, r.matter_type AS "matterType",
              r.requesting_court AS "requestingCourt", r.receiving_court AS "receivingCourt",
              p.province, r.state, r.due_at AS "dueAt", r.overdue_since AS "overdueSince",
              floor(extract(epoch FROM (${at}::timestamptz - r.overdue_since)) / 86400)::int
                AS "daysOverdue",
              r.escalated_at AS "escalatedAt"
         FROM ${query.from}
         ${query.where('r.is_open', 'r.overdue_since IS NOT NULL')}
         ORDER BY r.overdue_since, r.request_id
         LIMIT ${query.parameter(page.limit)} OFFSET ${query.parameter(page.offset)}`,
      query.parameters,
    );
  }
}
