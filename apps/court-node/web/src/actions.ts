import { isCaseNumber } from '@enforcement-link/protocol/identifiers/case-number';
import { Language } from '@enforcement-link/web/language';
import {
  MATTER_CODES,
  matterName,
  RETURN_REASON_CODES,
  returnReasonName,
} from '@enforcement-link/web/names';
import { RequestView } from './api';
import { checkYuan, fenOf, FieldSpec, MeasureRow, Values } from './form';
import { Court } from './shared';

/** One thing a clerk or handler can do with a request: its form, and the body it sends. */
export interface ActionSpec {
  fields: FieldSpec[];
  body: (values: Values) => object;
}

const text = (values: Values, name: string) => (values[name] as string).trim();
const money = (values: Values, name: string) => ({
  fen: fenOf(text(values, name)),
  currency: 'CNY',
});
const OUTCOMES = ['completed', 'partially-completed', 'not-possible'];
const OUTCOME_NAMES: Record<string, [string, string]> = {
  completed: ['已完成', 'Completed'],
  'partially-completed': ['部分完成', 'Partly completed'],
  'not-possible': ['无法办理', 'Not possible'],
};

/** The actions the workbench offers, by the name of the API endpoint that does each. */
export function actionSpecs(
  request: RequestView,
  courts: Court[],
  language: Language,
): Record<string, ActionSpec> {
  const payment = (dateField: 'receivedOn' | 'transferredOn'): ActionSpec => ({
    fields: [
      { name: 'amount', label: 'amount', kind: 'yuan', check: checkYuan },
      { name: 'payer', label: 'payer' },
      { name: dateField, label: dateField, kind: 'date' },
      { name: 'bankReference', label: 'bankReference' },
    ],
    body: (values) => ({
      amount: money(values, 'amount'),
      payer: text(values, 'payer'),
      [dateField]: text(values, dateField),
      bankReference: text(values, 'bankReference'),
    }),
  });
  return {
    withdraw: {
      fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
      body: (values) => ({ reason: text(values, 'reason') }),
    },
    supplement: {
      fields: [
        { name: 'explanation', label: 'explanation', kind: 'textarea' },
        { name: 'documents', label: 'documents', kind: 'documents' },
      ],
      body: (values) => ({ explanation: text(values, 'explanation'), documents: values.documents }),
    },
    confirm: {
      fields: [{ name: 'note', label: 'note', optional: true }],
      body: (values) => (text(values, 'note') ? { note: text(values, 'note') } : {}),
    },
    dispute: {
      fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
      body: (values) => ({ reason: text(values, 'reason') }),
    },
    assign: {
      fields: [{ name: 'assignee', label: 'assignee', initial: request.assignee ?? '' }],
      body: (values) => ({ assignee: text(values, 'assignee') }),
    },
    accept: {
      fields: [
        {
          name: 'receivingCaseNumber',
          label: 'receivingCaseNumber',
          check: (value) => (isCaseNumber(value) ? undefined : 'badCaseNumber'),
        },
        {
          name: 'handlerName',
          label: 'handlerName',
          path: 'handler.name',
          initial: request.assignee ?? '',
        },
        { name: 'handlerPhone', label: 'handlerPhone', path: 'handler.phone', optional: true },
      ],
      body: (values) => ({
        receivingCaseNumber: text(values, 'receivingCaseNumber'),
        handler: {
          name: text(values, 'handlerName'),
          ...(text(values, 'handlerPhone') ? { phone: text(values, 'handlerPhone') } : {}),
        },
      }),
    },
    return: {
      fields: [
        {
          name: 'reason',
          label: 'reason',
          kind: 'select',
          options: RETURN_REASON_CODES.map((code) => ({
            value: code,
            label: returnReasonName(code, language),
          })),
        },
        { name: 'explanation', label: 'explanation', kind: 'textarea' },
      ],
      body: (values) => ({
        reason: text(values, 'reason'),
        explanation: text(values, 'explanation'),
      }),
    },
    'request-supplement': {
      fields: [
        { name: 'missing', label: 'missing', kind: 'textarea' },
        { name: 'dueOn', label: 'dueOn', kind: 'date' },
      ],
      body: (values) => ({
        missing: text(values, 'missing')
          .split(/[\n;；]/)
          .map((item) => item.trim())
          .filter(Boolean),
        dueOn: text(values, 'dueOn'),
      }),
    },
    'report-progress': {
      fields: [
        { name: 'summary', label: 'summary', kind: 'textarea' },
        { name: 'documents', label: 'documents', kind: 'documents', optional: true },
      ],
      body: (values) => ({ summary: text(values, 'summary'), documents: values.documents }),
    },
    'report-result': {
      fields: [
        {
          name: 'outcome',
          label: 'outcome',
          kind: 'select',
          initial: 'completed',
          options: OUTCOMES.map((outcome) => ({
            value: outcome,
            label: OUTCOME_NAMES[outcome][language === 'zh' ? 0 : 1],
          })),
        },
        {
          name: 'measures',
          label: 'measures',
          kind: 'measures',
          initial: [{ matterType: request.matterType ?? '', amountFrozen: '', expiresOn: '' }],
          options: MATTER_CODES.filter((code) => code !== 'asset-search').map((code) => ({
            value: code,
            label: matterName(code, language),
          })),
        },
        { name: 'summary', label: 'summary', kind: 'textarea' },
        { name: 'documents', label: 'documents', kind: 'documents', optional: true },
      ],
      body: (values) => ({
        outcome: text(values, 'outcome'),
        measures: (values.measures as MeasureRow[]).map((row) => ({
          matterType: row.matterType,
          ...(row.amountFrozen.trim()
            ? { amountFrozen: { fen: fenOf(row.amountFrozen), currency: 'CNY' } }
            : {}),
          ...(row.expiresOn ? { expiresOn: row.expiresOn } : {}),
        })),
        summary: text(values, 'summary'),
        documents: values.documents,
      }),
    },
    forward: {
      fields: [
        {
          name: 'handlingCourt',
          label: 'handlingCourt',
          kind: 'select',
          options: courts
            .filter((court) => court.code !== request.receivingCourt && court.level !== 'high')
            .map((court) => ({ value: court.code, label: court.name[language] })),
        },
        { name: 'reason', label: 'reason', kind: 'textarea' },
      ],
      body: (values) => ({
        handlingCourt: text(values, 'handlingCourt'),
        reason: text(values, 'reason'),
      }),
    },
    recoveries: payment('receivedOn'),
    'fund-transfers': payment('transferredOn'),
  };
}
