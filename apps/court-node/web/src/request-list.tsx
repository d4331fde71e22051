import { get } from '@enforcement-link/web/http';
import { formatTime } from '@enforcement-link/web/language';
import { matterName, stateName } from '@enforcement-link/web/names';
import { useState } from 'preact/hooks';
import { matterOf, RequestPage, resourceOf, RequestView, StateCount } from './api';
import { courtName, useData, useShared } from './shared';
import { word } from './words';

const STATES = [
  'SENT',
  'DELIVERED',
  'ACCEPTED',
  'IN_PROGRESS',
  'AWAITING_SUPPLEMENT',
  'RESULT_REPORTED',
  'CLOSED',
  'RETURNED',
  'WITHDRAWN',
];

/**
 * Requests this court sent (clerks), newest first; or tasks it received (handlers), the late
 * ones first, then by due date, with how many are in each state.
 */
export function RequestList({ side }: { side: 'outgoing' | 'incoming' }) {
  const shared = useShared();
  const { language } = shared;
  const [kind, setKind] = useState<RequestView['kind']>('delegation');
  const [state, setState] = useState<string>();
  const [caseNumber, setCaseNumber] = useState('');
  const resource = resourceOf(side, kind);
  const page = useData(
    () =>
      get<RequestPage>(resource, {
        state,
        caseNumber: caseNumber.trim() || undefined,
        order: side === 'incoming' ? 'due' : undefined,
        limit: '100',
      }),
    [resource, state, caseNumber],
  );
  const counts = useData(
    () => (side === 'incoming' ? get<StateCount[]>('tasks/counts') : Promise.resolve([])),
    [side],
  );

  return (
    <section class="panel">
      <div class="toolbar">
        {side === 'outgoing' && (
          <>
            <select
              value={kind}
              data-testid="filter-kind"
              onChange={(event) => setKind(event.currentTarget.value as RequestView['kind'])}
            >
              <option value="delegation">{matterName('delegation', language)}</option>
              <option value="asset-search">{matterName('asset-search', language)}</option>
            </select>
            <a class="button" href="#/new/delegation" data-testid="new-delegation">
              {word(language, 'newDelegation')}
            </a>
            <a class="button" href="#/new/asset-search" data-testid="new-asset-search">
              {word(language, 'newAssetSearch')}
            </a>
          </>
        )}
        <select
          value={state ?? ''}
          aria-label={word(language, 'state')}
          data-testid="filter-state"
          onChange={(event) => setState(event.currentTarget.value || undefined)}
        >
          <option value="">{`${word(language, 'state')}: ${word(language, 'all')}`}</option>
          {STATES.map((code) => (
            <option key={code} value={code}>
              {stateName(code, language)}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder={word(language, 'search')}
          value={caseNumber}
          data-testid="filter-case-number"
          onInput={(event) => setCaseNumber(event.currentTarget.value)}
        />
      </div>
      {side === 'incoming' && counts && (
        <p class="counts" data-testid="state-counts">
          {counts.map((count) => (
            <button
              type="button"
              key={count.state}
              class={count.overdue > 0 ? 'chip alert' : 'chip'}
              data-testid={`count-${count.state}`}
              onClick={() => setState(count.state)}
            >
              {stateName(count.state, language)} {count.count}
              {count.overdue > 0 ? ` (${word(language, 'overdue')} ${count.overdue})` : ''}
            </button>
          ))}
        </p>
      )}
      {!page ? (
        <p>{word(language, 'loading')}</p>
      ) : page.items.length === 0 ? (
        <p data-testid="list-empty">{word(language, 'none')}</p>
      ) : (
        <table data-testid="request-list">
          <thead>
            <tr>
              <th>{word(language, 'caseNumber')}</th>
              <th>{word(language, 'matter')}</th>
              <th>{word(language, side === 'outgoing' ? 'receivingCourt' : 'requestingCourt')}</th>
              <th>{word(language, 'state')}</th>
              <th>{word(language, 'dueAt')}</th>
              {side === 'incoming' && <th>{word(language, 'assignee')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.items.map((request) => (
              <tr
                key={request.id}
                data-testid={`row-${request.id}`}
                class={request.overdue ? 'late' : ''}
              >
                <td>
                  <a href={`#/${side}/${request.kind}/${request.id}`}>{request.caseNumber}</a>
                </td>
                <td>{matterName(matterOf(request), language)}</td>
                <td>
                  {courtName(
                    shared,
                    side === 'outgoing' ? request.receivingCourt : request.requestingCourt,
                  )}
                </td>
                <td data-col="state">{stateName(request.state, language)}</td>
                <td class={request.overdue ? 'alert' : ''}>
                  {formatTime(request.dueAt, language)}
                  {request.overdue ? ` · ${word(language, 'overdue')}` : ''}
                </td>
                {side === 'incoming' && <td>{request.assignee ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
