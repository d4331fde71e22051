import { get, matterOf, OverdueRow } from './api';
import { courtName, useData, useShared } from './data';
import { formatTime, matterName, stateName, word } from './i18n';

/** Open requests past their limit, longest overdue first, each linking to its timeline. */
export function OverdueTable({
  filters,
}: {
  filters: { province?: string; receivingCourt?: string; matterType?: string };
}) {
  const shared = useShared();
  const { language } = shared;
  const rows = useData(
    () => get<OverdueRow[]>('overdue', { ...filters, limit: '100' }),
    [filters.province, filters.receivingCourt, filters.matterType],
  );
  if (!rows) return <p>{word(language, 'loading')}</p>;
  if (rows.length === 0) return <p data-testid="overdue-empty">{word(language, 'none')}</p>;
  return (
    <table data-testid="overdue-table">
      <thead>
        <tr>
          <th>{word(language, 'requestingCourt')}</th>
          <th>{word(language, 'receivingCourt')}</th>
          <th>{word(language, 'matter')}</th>
          <th>{word(language, 'state')}</th>
          <th>{word(language, 'dueAt')}</th>
          <th class="number">{word(language, 'daysOverdue')}</th>
          <th>{word(language, 'escalated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.requestId} data-testid={`overdue-${row.requestId}`}>
            <td>{courtName(shared, row.requestingCourt)}</td>
            <td>{courtName(shared, row.receivingCourt)}</td>
            <td>
              <a href={`#/request/${row.requestId}`}>{matterName(matterOf(row), language)}</a>
            </td>
            <td>{stateName(row.state, language)}</td>
            <td>{formatTime(row.dueAt, language)}</td>
            <td class="number">{Math.max(0, row.daysOverdue)}</td>
            <td>{row.escalatedAt ? formatTime(row.escalatedAt, language) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
