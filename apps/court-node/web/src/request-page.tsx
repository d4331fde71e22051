import { get, NotFound, post } from '@enforcement-link/web/http';
import { formatTime, formatYuan } from '@enforcement-link/web/language';
import {
  assetCategoryName,
  documentKindName,
  matterName,
  messageName,
  stateName,
} from '@enforcement-link/web/names';
import { useEffect, useState } from 'preact/hooks';
import { actionSpecs } from './actions';
import { matterOf, RequestDetail, resourceOf, RequestView } from './api';
import { DocumentReference, Form } from './form';
import { courtName, useShared } from './shared';
import { actionName, word } from './words';

interface Measure {
  matterType: string;
  amountFrozen?: { fen: number };
  amountDeducted?: { fen: number };
  expiresOn?: string;
  registrationReceipt?: string;
}

interface CategoryResult {
  category: string;
  outcome: string;
  assets?: { institution: string; reference: string; description?: string }[];
  reason?: string;
}

/** One request or task: what was asked, where it stands, what came back, and what to do now. */
export function RequestPage({
  side,
  kind,
  id,
}: {
  side: 'outgoing' | 'incoming';
  kind: string;
  id: string;
}) {
  const shared = useShared();
  const { language, version } = shared;
  const resource = resourceOf(side, kind as RequestView['kind']);
  const [request, setRequest] = useState<RequestDetail | 'missing'>();
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    get<RequestDetail>(`${resource}/${id}`).then(setRequest, (error: unknown) =>
      setRequest(error instanceof NotFound ? 'missing' : undefined),
    );
  }, [resource, id, version, reloads]);

  if (request === undefined) return <p>{word(language, 'loading')}</p>;
  if (request === 'missing') return <p>{word(language, 'notFound')}</p>;
  const details = request.details as {
    party?: { name: string; identityNumber?: string; creditCode?: string };
    assets?: { category: string; institution: string; reference: string }[];
    amount?: { fen: number };
    instructions?: string;
    categories?: string[];
    documents?: DocumentReference[];
  };
  const specs = actionSpecs(request, shared.courts, language);
  const actions = request.actions.filter((action) => specs[action]);
  const measures = (request.result?.measures as Measure[] | undefined) ?? [];
  const categories = (request.result?.results as CategoryResult[] | undefined) ?? [];

  return (
    <>
      <p>
        <a href={`#/${side}`}>← {word(language, side)}</a>
      </p>
      <h2 data-testid="request-title">
        {matterName(matterOf(request), language)} · {request.caseNumber}
      </h2>
      <section class="columns">
        <dl class="panel">
          <dt>{word(language, 'state')}</dt>
          <dd data-testid="request-state">{stateName(request.state, language)}</dd>
          <dt>{word(language, 'dueAt')}</dt>
          <dd class={request.overdue ? 'alert' : ''}>
            {formatTime(request.dueAt, language)}
            {request.overdue ? ` · ${word(language, 'overdue')}` : ''}
          </dd>
          <dt>{word(language, 'requestingCourt')}</dt>
          <dd>{courtName(shared, request.requestingCourt)}</dd>
          <dt>{word(language, 'receivingCourt')}</dt>
          <dd>{courtName(shared, request.receivingCourt)}</dd>
          <dt>{word(language, 'receivingCaseNumber')}</dt>
          <dd data-testid="receiving-case-number">{request.receivingCaseNumber ?? '—'}</dd>
          <dt>{word(language, 'assignee')}</dt>
          <dd>{request.assignee ?? '—'}</dd>
          <dt>{word(language, 'party')}</dt>
          <dd>
            {details.party?.name} {details.party?.identityNumber ?? details.party?.creditCode ?? ''}
          </dd>
          {details.amount && (
            <>
              <dt>{word(language, 'amount')}</dt>
              <dd>{formatYuan(details.amount.fen, language)}</dd>
            </>
          )}
          {details.assets?.map((asset) => (
            <>
              <dt>{assetCategoryName(asset.category, language)}</dt>
              <dd>
                {asset.institution} {asset.reference}
              </dd>
            </>
          ))}
          {details.categories && (
            <>
              <dt>{word(language, 'categories')}</dt>
              <dd>
                {details.categories
                  .map((category) => assetCategoryName(category, language))
                  .join('、')}
              </dd>
            </>
          )}
          {details.instructions && (
            <>
              <dt>{word(language, 'instructions')}</dt>
              <dd>{details.instructions}</dd>
            </>
          )}
          <dt>{word(language, 'documents')}</dt>
          <dd data-testid="documents">
            {(details.documents ?? []).length === 0
              ? '—'
              : details.documents?.map((document) => (
                  <a
                    key={document.documentId}
                    href={`api/documents/${document.documentId}`}
                    download={document.fileName}
                  >
                    {documentKindName(document.kind, language)}: {document.fileName}
                  </a>
                ))}
          </dd>
        </dl>
        <div class="panel" data-testid="actions">
          <h2>{word(language, 'actions')}</h2>
          {actions.length === 0 && <p>{word(language, 'none')}</p>}
          <p class="toolbar">
            {actions.map((action) => (
              <button
                type="button"
                key={action}
                class={open === action ? 'active' : ''}
                data-testid={`action-${action}`}
                onClick={() => setOpen(open === action ? undefined : action)}
              >
                {actionName(language, action)}
              </button>
            ))}
          </p>
          {open && specs[open] && actions.includes(open) && (
            <Form
              key={open}
              id={open}
              fields={specs[open].fields}
              submit={word(language, 'send')}
              onSubmit={async (values) => {
                await post(`${resource}/${id}/${open}`, specs[open].body(values));
                setOpen(undefined);
                setReloads(reloads + 1);
              }}
            />
          )}
        </div>
      </section>
      {(measures.length > 0 || categories.length > 0) && (
        <section class="panel">
          <h2>{word(language, 'result')}</h2>
          <table data-testid="result">
            <tbody>
              {measures.map((measure, i) => (
                <tr key={i}>
                  <td>{matterName(measure.matterType, language)}</td>
                  <td>
                    {measure.amountFrozen
                      ? `${word(language, 'amountFrozen')} ${formatYuan(measure.amountFrozen.fen, language)}`
                      : ''}
                  </td>
                  <td>
                    {measure.expiresOn ? `${word(language, 'expiresOn')} ${measure.expiresOn}` : ''}
                  </td>
                </tr>
              ))}
              {categories.map((result) => (
                <tr key={result.category}>
                  <td>{assetCategoryName(result.category, language)}</td>
                  <td>{result.outcome}</td>
                  <td>
                    {result.assets
                      ?.map((asset) => `${asset.institution} ${asset.reference}`)
                      .join('; ') ??
                      result.reason ??
                      ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="panel">
        <h2>{word(language, 'timeline')}</h2>
        <table data-testid="timeline">
          <tbody>
            {request.timeline.map((entry) => (
              <tr key={entry.messageId}>
                <td>{formatTime(entry.sentAt, language)}</td>
                <td>{word(language, entry.direction)}</td>
                <td>{messageName(entry.type, language)}</td>
                <td>{courtName(shared, entry.direction === 'in' ? entry.from : entry.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
