import { decodeMessage, DecodeResult } from '../codec/decode-message';
import { newMessageId } from '../transport/message-id';
import { subjectFor } from '../transport/subjects';
import { MESSAGE_CATALOGUE, MessageType } from './catalogue';
import { EXAMPLE_BODIES } from './examples';

function send(type: MessageType, body: unknown): DecodeResult {
  const envelope = {
    id: newMessageId(),
    type,
    version: '1.0',
    from: 'xinzhou',
    to: 'yulin',
    requestId: newMessageId(),
    sentAt: '2024-03-14T09:30:00+08:00',
    body,
  };
  const subject = subjectFor({ namespace: 'enf', to: 'yulin', from: 'xinzhou', type });
  return decodeMessage(Buffer.from(JSON.stringify(envelope)), subject);
}

function invalidFields(result: DecodeResult): string[] {
  if (result.ok) throw new Error('expected a rejection, the message was accepted');
  return result.rejection.fieldErrors.map((error) => error.field);
}

const types = Object.keys(MESSAGE_CATALOGUE) as MessageType[];

describe('the message catalogue', () => {
  it.each(types)('accepts the example %s', (type) => {
    const result = send(type, EXAMPLE_BODIES[type]);
    expect(result.ok ? 'accepted' : result.rejection).toBe('accepted');
  });

  it.each(types)('rejects %s with an unknown body field', (type) => {
    expect(invalidFields(send(type, { ...EXAMPLE_BODIES[type], surprise: true }))).toEqual([
      'body.surprise',
    ]);
  });

  const example = <T extends MessageType>(type: T, change: object) => ({
    ...(EXAMPLE_BODIES[type] as Record<string, unknown>),
    ...change,
  });
  const requested = EXAMPLE_BODIES['delegation.requested'] as { party: object; assets: object[] };

  it.each<[string, MessageType, object, string]>([
    [
      'a case number with a bad court code',
      'delegation.requested',
      { caseNumber: '(2024)X09执123号' },
      'body.caseNumber',
    ],
    [
      'an identity number with a wrong check digit',
      'delegation.requested',
      { party: { ...requested.party, identityNumber: '140902198506153312' } },
      'body.party.identityNumber',
    ],
    [
      'an organisation without a valid credit code',
      'delegation.requested',
      { party: { kind: 'organisation', name: '某公司', creditCode: '91350100M000100Y44' } },
      'body.party.creditCode',
    ],
    [
      'an unknown matter type',
      'delegation.requested',
      { matterType: 'confiscate-spaceship' },
      'body.matterType',
    ],
    [
      'an amount in yuan with decimals',
      'delegation.requested',
      { amount: { fen: 100000.5, currency: 'CNY' } },
      'body.amount.fen',
    ],
    ['no documents', 'delegation.requested', { documents: [] }, 'body.documents'],
    [
      'a document with a short digest',
      'delegation.requested',
      {
        documents: [
          {
            ...(EXAMPLE_BODIES['supplement.provided'] as { documents: object[] }).documents[0],
            sha256: 'abc',
          },
        ],
      },
      'body.documents[0].sha256',
    ],
    [
      'a document over 20 MB',
      'supplement.provided',
      {
        documents: [
          {
            ...(EXAMPLE_BODIES['supplement.provided'] as { documents: object[] }).documents[0],
            sizeBytes: 20 * 1024 * 1024 + 1,
          },
        ],
      },
      'body.documents[0].sizeBytes',
    ],
    ['no categories', 'asset-search.requested', { categories: [] }, 'body.categories'],
    [
      'a category twice',
      'asset-search.requested',
      { categories: ['vehicle', 'vehicle'] },
      'body.categories',
    ],
    [
      'a found category without assets',
      'asset-search.answered',
      { results: [{ category: 'vehicle', outcome: 'found', assets: [] }] },
      'body.results[0].assets',
    ],
    [
      'a not-searched category without reason',
      'asset-search.answered',
      { results: [{ category: 'vehicle', outcome: 'not-searched' }] },
      'body.results[0].reason',
    ],
    [
      'two results for one category',
      'asset-search.answered',
      {
        results: [
          { category: 'ship', outcome: 'nothing-found' },
          { category: 'ship', outcome: 'nothing-found' },
        ],
      },
      'body.results',
    ],
    [
      'a freeze expiry that is not a date',
      'delegation.result-reported',
      { measures: [{ matterType: 'freeze-deposit', expiresOn: '2025-02-30' }] },
      'body.measures[0].expiresOn',
    ],
    ['an unknown return reason', 'request.returned', { reason: 'TOO_BUSY' }, 'body.reason'],
    [
      'an accepting case number that is not one',
      'request.accepted',
      { receivingCaseNumber: '45' },
      'body.receivingCaseNumber',
    ],
    [
      'a forward to an invalid court code',
      'request.forwarded',
      { handlingCourt: '榆阳' },
      'body.handlingCourt',
    ],
    ['a reminder at 30%', 'request.reminded', { elapsedPercent: 30 }, 'body.elapsedPercent'],
    ['an extension of 0 days', 'extension.requested', { additionalDays: 0 }, 'body.additionalDays'],
    ['no missing items', 'supplement.requested', { missing: [] }, 'body.missing'],
    ['empty text in the missing items', 'supplement.requested', { missing: [''] }, 'body.missing'],
    [
      'a transfer in dollars',
      'funds.transferred',
      { amount: { fen: 100, currency: 'USD' } },
      'body.amount.currency',
    ],
    [
      'a negative transfer',
      'funds.transferred',
      { amount: { fen: -100, currency: 'CNY' } },
      'body.amount.fen',
    ],
    ['an unknown state', 'status.reported', { state: 'LOST' }, 'body.state'],
    ['an unknown rejection reason', 'message.rejected', { reason: 'BECAUSE' }, 'body.reason'],
  ])('rejects %s (%s), naming %s', (_what, type, change, field) => {
    expect(invalidFields(send(type, example(type, change)))).toContain(field);
  });

  it.each(types)('rejects %s with an unknown field added to any object inside it', (type) => {
    const objectPaths = (value: unknown, path: string[] = []): string[][] =>
      value && typeof value === 'object'
        ? [
            ...(Array.isArray(value) ? [] : [path]),
            ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key])),
          ]
        : [];
    for (const path of objectPaths(EXAMPLE_BODIES[type])) {
      const body = structuredClone(EXAMPLE_BODIES[type]) as Record<string, unknown>;
      const target = path.reduce<Record<string, unknown>>(
        (node, key) => node[key] as Record<string, unknown>,
        body,
      );
      target.injected = 1;
      expect({ path, ok: send(type, body).ok }).toEqual({ path, ok: false });
    }
  });

  it('keeps every example free of floats in money', () => {
    const text = JSON.stringify(EXAMPLE_BODIES);
    for (const match of text.matchAll(/"fen":([^,}]+)/g))
      expect(Number.isInteger(Number(match[1]))).toBe(true);
  });
});
