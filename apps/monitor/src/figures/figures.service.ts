import { CourtDirectoryFollower } from '@enforcement-link/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Grouping, RequestFilters, RequestQuery } from '../common/grouping';
import { MonitorEnvironment } from '../config/monitor.environment';
import { Period } from './period';

/** Hours from sending to a milestone, for percentiles. */
const hoursTo = (milestone: string) => `extract(epoch FROM (r.${milestone} - r.opened_at)) / 3600`;
const percentiles = (name: string, milestone: string) =>
  `round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hoursTo(milestone)})::numeric, 1)::float8
     AS "${name}HoursMedian",
   round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ${hoursTo(milestone)})::numeric, 1)::float8
     AS "${name}HoursP95"`;
const share = (part: string, whole: string) =>
  `round((${part})::numeric / nullif(${whole}, 0), 4)::float8`;

const CONCLUDED = 'count(*) FILTER (WHERE r.concluded_at IS NOT NULL)';
const CONCLUDED_IN_TIME =
  'count(*) FILTER (WHERE r.concluded_at IS NOT NULL AND NOT r.was_overdue)';
const RETURNED = 'count(*) FILTER (WHERE r.returned_at IS NOT NULL)';
const ANSWERED = 'count(*) FILTER (WHERE r.accepted_at IS NOT NULL OR r.returned_at IS NOT NULL)';

/** How well the network works: time limits kept, returns, speed and money. */
@Injectable()
export class FiguresService {
  private readonly cache = new Map<
    string,
    { until: number; figures: Promise<Record<string, unknown>[]> }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly courts: CourtDirectoryFollower,
    private readonly environment: MonitorEnvironment,
  ) {}

  /**
   * Per group, for the requests sent in `period`: how many concluded (answered with a result,
   * returned or closed) and the share of those concluded without ever passing a time limit;
   * the return rate among requests answered (accepted or returned); median and p95 hours from
   * sending to sign-in (stored by the receiving court), acceptance and first result; money
   * recovered, transferred, confirmed, still in transit and paid out to the winning party, in
   * fen; and the days from money's arrival in a case account to its payout (mean, median, p95).
   */
  /** The figures, answered from memory for FIGURES_CACHE_SECONDS after they were computed. */
  figures(
    grouping: Grouping,
    filters: RequestFilters,
    period: Period,
  ): Promise<Record<string, unknown>[]> {
    const key = JSON.stringify([grouping, filters, period]);
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.figures;
    const figures = this.compute(grouping, filters, period);
    const ttlMs = this.environment.FIGURES_CACHE_SECONDS * 1000;
    if (ttlMs > 0) {
      this.cache.set(key, { until: Date.now() + ttlMs, figures });
      // A failed computation is not kept.
      figures.catch(() => this.cache.delete(key));
    }
    return figures;
  }

  private async compute(
    grouping: Grouping,
    filters: RequestFilters,
    period: Period,
  ): Promise<Record<string, unknown>[]> {
    const query = new RequestQuery(this.courts.directory, grouping, filters);
    const [rows, payouts] = await Promise.all([
      this.totals(query, period),
      this.daysToPayout(new RequestQuery(this.courts.directory, grouping, filters), period),
    ]);
    const payoutsOf = new Map(payouts.map((row) => [query.groupOf(row), row]));
    return rows.map((row) => {
      const payout = payoutsOf.get(query.groupOf(row));
      return {
        ...row,
        daysToPayoutMean: payout?.daysToPayoutMean ?? null,
        daysToPayoutMedian: payout?.daysToPayoutMedian ?? null,
        daysToPayoutP95: payout?.daysToPayoutP95 ?? null,
      };
    });
  }

  private totals(query: RequestQuery, period: Period): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT ${query.keys}
              count(*)::int AS requests,
              ${CONCLUDED}::int AS concluded,
              ${CONCLUDED_IN_TIME}::int AS "concludedWithinLimit",
              ${share(CONCLUDED_IN_TIME, CONCLUDED)} AS "withinLimitShare",
              ${RETURNED}::int AS returned,
              ${share(RETURNED, ANSWERED)} AS "returnRate",
              ${percentiles('signIn', 'delivered_at')},
              ${percentiles('acceptance', 'accepted_at')},
              ${percentiles('result', 'result_reported_at')},
              coalesce(sum(r.recovered_fen), 0)::float8 AS "recoveredFen",
              coalesce(sum(r.transferred_fen), 0)::float8 AS "transferredFen",
              coalesce(sum(r.confirmed_fen), 0)::float8 AS "confirmedFen",
              coalesce(sum(r.transferred_fen - least(r.confirmed_fen, r.transferred_fen)), 0)::float8
                AS "inTransitFen",
              coalesce(sum(r.paid_out_fen), 0)::float8 AS "paidOutFen",
              ${share('sum(r.paid_out_fen)', 'sum(r.confirmed_fen)')} AS "paidOutShare"
         FROM ${query.from}
         ${query.where(...this.within(query, period))}
         ${query.groupBy}
         ${query.orderBy}`,
      query.parameters,
    );
  }

  /** Per group, days from money's arrival in a case account to its payout, per transfer. */
  private daysToPayout(
    query: RequestQuery,
    period: Period,
  ): Promise<Record<string, number | string | null>[]> {
    return this.dataSource.query(
      `SELECT ${query.keys}
              round(avg(payout.days), 1)::float8 AS "daysToPayoutMean",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY payout.days)::float8 AS "daysToPayoutMedian",
              percentile_cont(0.95) WITHIN GROUP (ORDER BY payout.days)::float8 AS "daysToPayoutP95"
         FROM ${query.from}
        CROSS JOIN LATERAL unnest(r.payout_days) AS payout (days)
         ${query.where(...this.within(query, period))}
         ${query.groupBy}`,
      query.parameters,
    );
  }

  /** Per group and reason, the requests returned among those sent in `period`. */
  returnReasons(
    grouping: Grouping,
    filters: RequestFilters,
    period: Period,
  ): Promise<Record<string, unknown>[]> {
    const query = new RequestQuery(this.courts.directory, grouping, filters);
    return this.dataSource.query(
      `SELECT ${query.keys} coalesce(r.return_reason, 'OTHER') AS reason, count(*)::int AS returned
         FROM ${query.from}
         ${query.where('r.returned_at IS NOT NULL', ...this.within(query, period))}
         ${query.groupBy}${query.groupBy ? ',' : 'GROUP BY'} coalesce(r.return_reason, 'OTHER')
         ${query.orderBy}${query.orderBy ? ',' : 'ORDER BY'} returned DESC`,
      query.parameters,
    );
  }

  private within(query: RequestQuery, period: Period): string[] {
    return [
      ...(period.from ? [`r.opened_at >= ${query.parameter(period.from)}`] : []),
      ...(period.until ? [`r.opened_at < ${query.parameter(period.until)}`] : []),
    ];
  }
}
