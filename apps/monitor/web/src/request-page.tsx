import { get, matterOf, NotFound, RequestTimeline } from './api';
import { courtName, useShared } from './data';
import { eventName, formatTime, matterName, stateName, word } from './i18n';
import { useEffect, useState } from 'preact/hooks';

/** One request as both its courts reported it: where it stands, and every event. */
export function RequestPage({ id }: { id: string }) {
  const shared = useShared();
  const { language, version } = shared;
  const [found, setFound] = useState<RequestTimeline | 'missing'>();
  useEffect(() => {
    get<RequestTimeline>(`requests/${id}`).then(setFound, (error: unknown) =>
      setFound(error instanceof NotFound ? 'missing' : undefined),
    );
  }, [id, version]);
  if (found === undefined) return <p>{word(language, 'loading')}</p>;
  if (found === 'missing') return <p>{word(language, 'notFound')}</p>;
  const { request, timeline } = found;
  return (
    <>
      <p>
        <a href="#/">← {word(language, 'back')}</a>
      </p>
      <h2 data-testid="request-title">
        {matterName(matterOf(request), language)}: {courtName(shared, request.requestingCourt)} →{' '}
        {courtName(shared, request.receivingCourt)}
      </h2>
      <dl class="panel">
        <dt>{word(language, 'state')}</dt>
        <dd data-testid="request-state">{stateName(request.state, language)}</dd>
        <dt>{word(language, 'dueAt')}</dt>
        <dd>{formatTime(request.dueAt, language)}</dd>
        <dt>{word(language, 'overdue')}</dt>
        <dd class={request.overdueSince ? 'alert' : ''}>
          {formatTime(request.overdueSince, language)}
        </dd>
      </dl>
      <section class="panel">
        <h2>{word(language, 'timeline')}</h2>
        <table data-testid="timeline">
          <tbody>
            {timeline.map((entry) => (
              <tr key={entry.eventId}>
                <td>{formatTime(entry.occurredAt, language)}</td>
                <td>{courtName(shared, entry.court)}</td>
                <td>{eventName(entry.type, language)}</td>
                <td>{entry.state ? stateName(entry.state, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
