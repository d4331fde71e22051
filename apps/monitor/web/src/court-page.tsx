import { AgeingRow, BacklogRow, CourtNode, FiguresRow, get, HistoryRow } from './api';
import { BacklogTrend, Chart, PALETTE } from './chart';
import { courtName, provinceName, useData, useShared } from './data';
import {
  AGE_BUCKETS,
  ageLabels,
  formatShare,
  formatTime,
  formatYuan,
  stateName,
  word,
} from './i18n';
import { OverdueTable } from './overdue-table';
import { Kpi } from './overview';

/** One court: its backlog, how it works, its trend, its late requests and its node. */
export function CourtPage({ code }: { code: string }) {
  const shared = useShared();
  const { language } = shared;
  const filter = { receivingCourt: code };
  const byState = useData(() => get<BacklogRow[]>('backlog', { by: 'state', ...filter }), [code]);
  const figures = useData(() => get<FiguresRow[]>('figures', { by: 'network', ...filter }), [code]);
  const ageing = useData(
    () => get<AgeingRow[]>('backlog/ageing', { by: 'network', ...filter }),
    [code],
  );
  const history = useData(
    () => get<HistoryRow[]>('backlog/history', { by: 'network', days: '30', ...filter }),
    [code],
  );
  const nodes = useData(() => get<CourtNode[]>('transport/court-nodes'), []);
  const court = shared.courts.get(code);
  const node = nodes?.find((candidate) => candidate.court === code);
  const figure = figures?.[0];
  const open = (byState ?? []).reduce((sum, row) => sum + row.open, 0);
  const overdue = (byState ?? []).reduce((sum, row) => sum + row.overdue, 0);
  const medianAndP95 = (median: number | null | undefined, p95: number | null | undefined) =>
    `${median ?? '—'} / ${p95 ?? '—'}`;

  return (
    <>
      <p>
        <a href="#/">← {word(language, 'back')}</a>
      </p>
      <h2 data-testid="court-title">
        {courtName(shared, code)} <small>{provinceName(shared, court?.province)}</small>
      </h2>
      <section class="kpis">
        <Kpi id="open" label={word(language, 'openRequests')} value={String(open)} />
        <Kpi
          id="overdue"
          label={word(language, 'overdue')}
          value={String(overdue)}
          alert={overdue > 0}
        />
        <Kpi
          id="on-time"
          label={word(language, 'onTimeShare')}
          value={formatShare(figure?.withinLimitShare)}
        />
        <Kpi
          id="return-rate"
          label={word(language, 'returnRate')}
          value={formatShare(figure?.returnRate)}
        />
      </section>
      <section class="charts">
        <div class="panel">
          <h2>{word(language, 'backlogByState')}</h2>
          <table data-testid="court-states">
            <tbody>
              {(byState ?? []).map((row) => (
                <tr key={row.state} data-testid={`state-${row.state ?? ''}`}>
                  <td>{stateName(row.state ?? '', language)}</td>
                  <td class="number">{row.open}</td>
                  <td class={row.overdue ? 'number alert' : 'number'}>{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <BacklogTrend history={history} color={PALETTE[1]} />
        <div class="panel">
          <h2>{word(language, 'ageing')}</h2>
          <Chart
            label={word(language, 'ageing')}
            config={{
              type: 'bar',
              data: {
                labels: ageLabels(language),
                datasets: [
                  {
                    label: word(language, 'openRequests'),
                    data: AGE_BUCKETS.map((bucket) => ageing?.[0]?.[bucket] ?? 0),
                    backgroundColor: PALETTE[3],
                  },
                ],
              },
              options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
            }}
          />
        </div>
      </section>
      <section class="charts">
        <div class="panel">
          <h2>{word(language, 'figures')}</h2>
          <dl>
            <dt>{word(language, 'requests')}</dt>
            <dd data-testid="figure-requests">{figure?.requests ?? 0}</dd>
            <dt>{word(language, 'concluded')}</dt>
            <dd>{figure?.concluded ?? 0}</dd>
            <dt>{word(language, 'signInHours')}</dt>
            <dd>{medianAndP95(figure?.signInHoursMedian, figure?.signInHoursP95)}</dd>
            <dt>{word(language, 'acceptanceHours')}</dt>
            <dd>{medianAndP95(figure?.acceptanceHoursMedian, figure?.acceptanceHoursP95)}</dd>
            <dt>{word(language, 'resultHours')}</dt>
            <dd>{medianAndP95(figure?.resultHoursMedian, figure?.resultHoursP95)}</dd>
          </dl>
        </div>
        <div class="panel">
          <h2>{word(language, 'funds')}</h2>
          <dl>
            <dt>{word(language, 'recovered')}</dt>
            <dd data-testid="funds-recovered">{formatYuan(figure?.recoveredFen ?? 0, language)}</dd>
            <dt>{word(language, 'transferred')}</dt>
            <dd>{formatYuan(figure?.transferredFen ?? 0, language)}</dd>
            <dt>{word(language, 'confirmed')}</dt>
            <dd>{formatYuan(figure?.confirmedFen ?? 0, language)}</dd>
            <dt>{word(language, 'inTransit')}</dt>
            <dd>{formatYuan(figure?.inTransitFen ?? 0, language)}</dd>
            <dt>{word(language, 'paidOut')}</dt>
            <dd>{formatYuan(figure?.paidOutFen ?? 0, language)}</dd>
            <dt>{word(language, 'daysToPayout')}</dt>
            <dd data-testid="days-to-payout">
              {medianAndP95(figure?.daysToPayoutMedian, figure?.daysToPayoutP95)}
            </dd>
          </dl>
        </div>
        <div class="panel">
          <h2>{word(language, 'transport')}</h2>
          <dl data-testid="court-node">
            <dt>{word(language, 'node')}</dt>
            <dd class={node?.silent === false ? 'up' : 'silent'}>
              {word(language, node?.silent === false ? 'nodeUp' : 'nodeSilent')}
            </dd>
            <dt>{word(language, 'lastSeen')}</dt>
            <dd>{formatTime(node?.lastSeenAt, language)}</dd>
            <dt>{word(language, 'consumerPending')}</dt>
            <dd>{node?.consumerPending ?? '—'}</dd>
            <dt>{word(language, 'outboxPending')}</dt>
            <dd>{node?.outboxPending ?? '—'}</dd>
            <dt>{word(language, 'deadLetters')}</dt>
            <dd>{node?.deadLetters ?? '—'}</dd>
          </dl>
        </div>
      </section>
      <section class="panel">
        <h2>{word(language, 'overdueList')}</h2>
        <OverdueTable filters={filter} />
      </section>
    </>
  );
}
