import { isCaseNumber } from '@enforcement-link/protocol/identifiers/case-number';
import { isResidentIdentityNumber } from '@enforcement-link/protocol/identifiers/resident-identity-number';
import { isUnifiedSocialCreditCode } from '@enforcement-link/protocol/identifiers/unified-social-credit-code';
import { post } from '@enforcement-link/web/http';
import {
  ASSET_CATEGORY_CODES,
  assetCategoryName,
  MATTER_CODES,
  matterName,
} from '@enforcement-link/web/names';
import { RequestView } from './api';
import { checkYuan, fenOf, FieldSpec, Form, Values } from './form';
import { useShared } from './shared';
import { word } from './words';

/** Matters done to a sum of money: the form asks how much. */
const WITH_AMOUNT = new Set(['freeze-deposit', 'renew-deposit-freeze', 'deduct-deposit']);
/** Matters about a person or a place rather than an asset: the form asks for no asset. */
const WITHOUT_ASSET = new Set([
  'serve-documents',
  'locate-person-or-property',
  'detain-debtor',
  'clear-premises',
]);

const checkCaseNumber = (value: string) => (isCaseNumber(value) ? undefined : 'badCaseNumber');

/** A new delegation or asset search, checked as it is typed; sent only when nothing is wrong. */
export function RequestForm({ kind }: { kind: 'delegation' | 'asset-search' }) {
  const shared = useShared();
  const { language } = shared;
  const delegation = kind === 'delegation';
  const courts = shared.courts.filter(
    (court) =>
      court.code !== shared.court.code &&
      (delegation ? court.matterTypes.length > 0 : court.acceptsAssetSearches),
  );
  const isPerson = (values: Values) => values.partyKind === 'natural-person';
  const hasAsset = (values: Values) => !WITHOUT_ASSET.has(values.matterType as string);
  const fields: FieldSpec[] = [
    {
      name: 'receivingCourt',
      label: 'receivingCourt',
      kind: 'select',
      options: courts.map((court) => ({ value: court.code, label: court.name[language] })),
    },
    { name: 'caseNumber', label: 'caseNumber', check: checkCaseNumber },
    ...(delegation
      ? ([
          {
            name: 'matterType',
            label: 'matter',
            kind: 'select',
            options: MATTER_CODES.filter((code) => code !== 'asset-search').map((code) => ({
              value: code,
              label: matterName(code, language),
            })),
          },
        ] satisfies FieldSpec[])
      : []),
    {
      name: 'partyKind',
      label: 'partyKind',
      kind: 'select',
      path: 'party.kind',
      initial: 'natural-person',
      options: [
        { value: 'natural-person', label: word(language, 'naturalPerson') },
        { value: 'organisation', label: word(language, 'organisation') },
      ],
    },
    { name: 'partyName', label: 'partyName', path: 'party.name' },
    {
      name: 'identityNumber',
      label: 'identityNumber',
      path: 'party.identityNumber',
      shown: isPerson,
      check: (value) => (isResidentIdentityNumber(value) ? undefined : 'badIdentityNumber'),
    },
    {
      name: 'creditCode',
      label: 'creditCode',
      path: 'party.creditCode',
      shown: (values) => !isPerson(values),
      check: (value) => (isUnifiedSocialCreditCode(value) ? undefined : 'badCreditCode'),
    },
    ...(delegation
      ? ([
          {
            name: 'assetCategory',
            label: 'assetCategory',
            kind: 'select',
            path: 'assets',
            shown: hasAsset,
            options: ASSET_CATEGORY_CODES.map((code) => ({
              value: code,
              label: assetCategoryName(code, language),
            })),
          },
          { name: 'institution', label: 'institution', path: 'assets', shown: hasAsset },
          { name: 'reference', label: 'reference', path: 'assets', shown: hasAsset },
          {
            name: 'amount',
            label: 'amount',
            kind: 'yuan',
            path: 'amount',
            shown: (values) => WITH_AMOUNT.has(values.matterType as string),
            check: checkYuan,
          },
          { name: 'instructions', label: 'instructions', kind: 'textarea' },
          { name: 'documents', label: 'documents', kind: 'documents' },
          { name: 'contactName', label: 'contactName', path: 'contact.name' },
          { name: 'contactPhone', label: 'contactPhone', path: 'contact.phone', optional: true },
        ] satisfies FieldSpec[])
      : ([
          {
            name: 'categories',
            label: 'categories',
            kind: 'checkboxes',
            options: ASSET_CATEGORY_CODES.map((code) => ({
              value: code,
              label: assetCategoryName(code, language),
            })),
          },
          { name: 'documents', label: 'documents', kind: 'documents', optional: true },
        ] satisfies FieldSpec[])),
  ];

  const send = async (values: Values) => {
    const text = (name: string) => (values[name] as string).trim();
    const party = {
      kind: text('partyKind'),
      name: text('partyName'),
      ...(isPerson(values)
        ? { identityNumber: text('identityNumber') }
        : { creditCode: text('creditCode') }),
    };
    const common = {
      receivingCourt: text('receivingCourt'),
      caseNumber: text('caseNumber'),
      party,
    };
    const created = delegation
      ? await post<RequestView>('delegations', {
          ...common,
          matterType: text('matterType'),
          assets: hasAsset(values)
            ? [
                {
                  category: text('assetCategory'),
                  institution: text('institution'),
                  reference: text('reference'),
                },
              ]
            : [],
          ...(WITH_AMOUNT.has(text('matterType'))
            ? { amount: { fen: fenOf(text('amount')), currency: 'CNY' } }
            : {}),
          instructions: text('instructions'),
          documents: values.documents,
          contact: {
            name: text('contactName'),
            ...(text('contactPhone') ? { phone: text('contactPhone') } : {}),
          },
        })
      : await post<RequestView>('asset-searches', {
          ...common,
          categories: values.categories,
          documents: values.documents,
        });
    location.hash = `#/outgoing/${kind}/${created.id}`;
  };

  return (
    <section class="panel">
      <h2>{word(language, delegation ? 'newDelegation' : 'newAssetSearch')}</h2>
      <Form key={kind} id={kind} fields={fields} submit={word(language, 'send')} onSubmit={send} />
    </section>
  );
}
