import { useState } from 'preact/hooks';
import { AgeingRow, BacklogRow, CourtNode, FiguresRow, get, HistoryRow } from './api';
import { BacklogTrend, Chart, PALETTE } from './chart';
import { courtName, provinceName, useData, useShared } from './data';
import { AGE_BUCKETS, ageLabels, formatShare, MATTER_CODES, matterName, word } from './i18n';
import { OverdueTable } from './overdue-table';

/** The network at a glance: courts by province, trends, and what is late. */
export function Overview() {
  const shared = useShared();
  const { language } = shared;
  const backlog = useData(() => get<BacklogRow[]>('backlog', { by: 'court' }), []);
  const total = useData(() => get<BacklogRow[]>('backlog', { by: 'network' }), []);
  const figures = useData(() => get<FiguresRow[]>('figures', { by: 'court' }), []);
  const network = useData(() => get<FiguresRow[]>('figures', { by: 'network' }), []);
  const ageing = useData(() => get<AgeingRow[]>('backlog/ageing', { by: 'province' }), []);
  const history = useData(
    () => get<HistoryRow[]>('backlog/history', { by: 'network', days: '30' }),
    [],
  );
  const nodes = useData(() => get<CourtNode[]>('transport/court-nodes'), []);
  const [filters, setFilters] = useState<{
    province?: string;
    receivingCourt?: string;
    matterType?: string;
  }>({});

  const open = total?.[0] ?? { open: 0, overdue: 0, escalated: 0 };
  const byCourt = new Map((backlog ?? []).map((row) => [row.court, row]));
  const figuresByCourt = new Map((figures ?? []).map((row) => [row.court, row]));
  const nodeByCourt = new Map((nodes ?? []).map((node) => [node.court, node]));
  const silent = (nodes ?? []).filter((node) => node.lastSeenAt && node.silent).length;
  const shown = [...shared.courts.values()].filter(
    (court) => court.level === 'intermediate' || byCourt.has(court.code),
  );

  return (
    <>
      <section class="kpis">
        <Kpi id="open" label={word(language, 'openRequests')} value={String(open.open)} />
        <Kpi
          id="overdue"
          label={word(language, 'overdue')}
          value={String(open.overdue)}
          alert={open.overdue > 0}
        />
        <Kpi id="escalated" label={word(language, 'escalated')} value={String(open.escalated)} />
        <Kpi
          id="on-time"
          label={word(language, 'onTimeShare')}
          value={formatShare(network?.[0]?.withinLimitShare)}
        />
        <Kpi
          id="return-rate"
          label={word(language, 'returnRate')}
          value={formatShare(network?.[0]?.returnRate)}
        />
        <Kpi
          id="silent"
          label={word(language, 'silentNodes')}
          value={String(silent)}
          alert={silent > 0}
        />
      </section>

      <section class="provinces">
        {shared.provinces.map((province) => {
          const courts = shown.filter((court) => court.province === province.code);
          if (courts.length === 0) return null;
          return (
            <div class="province" key={province.code} data-testid={`province-${province.code}`}>
              <h2>{province[language]}</h2>
              <table>
                <thead>
                  <tr>
                    <th>{word(language, 'court')}</th>
                    <th class="number">{word(language, 'openRequests')}</th>
                    <th class="number">{word(language, 'overdue')}</th>
                    <th class="number">{word(language, 'onTimeShare')}</th>
                    <th>{word(language, 'node')}</th>
                  </tr>
                </thead>
                <tbody>
                  {courts.map((court) => {
                    const row = byCourt.get(court.code);
                    const node = nodeByCourt.get(court.code);
                    return (
                      <tr key={court.code} data-testid={`court-row-${court.code}`}>
                        <td>
                          <a href={`#/court/${court.code}`}>{court.name[language]}</a>
                        </td>
                        <td class="number" data-col="open">
                          {row?.open ?? 0}
                        </td>
                        <td class={row?.overdue ? 'number alert' : 'number'} data-col="overdue">
                          {row?.overdue ?? 0}
                        </td>
                        <td class="number" data-col="on-time">
                          {formatShare(figuresByCourt.get(court.code)?.withinLimitShare)}
                        </td>
                        <td data-col="node" class={node?.silent === false ? 'up' : 'silent'}>
                          {word(language, node?.silent === false ? 'nodeUp' : 'nodeSilent')}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section class="charts">
        <BacklogTrend history={history} color={PALETTE[0]} />
        <div class="panel">
          <h2>{word(language, 'ageing')}</h2>
          <Chart
            label={word(language, 'ageing')}
            config={{
              type: 'bar',
              data: {
                labels: (ageing ?? []).map((row) => provinceName(shared, row.province)),
                datasets: AGE_BUCKETS.map((bucket, i) => ({
                  label: ageLabels(language)[i],
                  data: (ageing ?? []).map((row) => row[bucket]),
                  backgroundColor: PALETTE[i],
                })),
              },
              options: {
                scales: {
                  x: { stacked: true },
                  y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
                },
              },
            }}
          />
        </div>
        <div class="panel">
          <h2>{word(language, 'onTimeByCourt')}</h2>
          <Chart
            label={word(language, 'onTimeByCourt')}
            config={{
              type: 'bar',
              data: {
                labels: (figures ?? []).map((row) => courtName(shared, row.court ?? '')),
                datasets: [
                  {
                    label: word(language, 'onTimeShare'),
                    data: (figures ?? []).map((row) => (row.withinLimitShare ?? 0) * 100),
                    backgroundColor: PALETTE[2],
                  },
                ],
              },
              options: { scales: { y: { min: 0, max: 100 } } },
            }}
          />
        </div>
      </section>

      <section class="panel">
        <h2>{word(language, 'overdueList')}</h2>
        <div class="filters">
          <select
            aria-label={word(language, 'province')}
            data-testid="filter-province"
            onChange={(event) => setFilters({ ...filters, province: value(event) })}
          >
            <option value="">{`${word(language, 'province')}: ${word(language, 'all')}`}</option>
            {shared.provinces.map((province) => (
              <option value={province.code} key={province.code}>
                {province[language]}
              </option>
            ))}
          </select>
          <select
            aria-label={word(language, 'receivingCourt')}
            data-testid="filter-court"
            onChange={(event) => setFilters({ ...filters, receivingCourt: value(event) })}
          >
            <option value="">{`${word(language, 'receivingCourt')}: ${word(language, 'all')}`}</option>
            {shown.map((court) => (
              <option value={court.code} key={court.code}>
                {court.name[language]}
              </option>
            ))}
          </select>
          <select
            aria-label={word(language, 'matter')}
            data-testid="filter-matter"
            onChange={(event) => setFilters({ ...filters, matterType: value(event) })}
          >
            <option value="">{`${word(language, 'matter')}: ${word(language, 'all')}`}</option>
            {MATTER_CODES.map((matter) => (
              <option value={matter} key={matter}>
                {matterName(matter, language)}
              </option>
            ))}
          </select>
        </div>
        <OverdueTable filters={filters} />
      </section>
    </>
  );
}

function value(event: Event): string | undefined {
  return (event.currentTarget as HTMLSelectElement).value || undefined;
}

export function Kpi({
  id,
  label,
  value,
  alert,
}: {
  id: string;
  label: string;
  value: string;
  alert?: boolean;
}) {
  return (
    <div class={alert ? 'kpi alert' : 'kpi'} data-testid={`kpi-${id}`}>
      <span class="label">{label}</span>
      <span class="value">{value}</span>
    </div>
  );
}
