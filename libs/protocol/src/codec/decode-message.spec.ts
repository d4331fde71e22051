import { newMessageId } from '../transport/message-id';
import { subjectFor } from '../transport/subjects';
import { decodeMessage, DecodeResult } from './decode-message';
import { MAX_MESSAGE_BYTES, RejectionReason } from './rejection-reasons';

const rejectedId = newMessageId();
const receipt = {
  id: newMessageId(),
  type: 'message.delivered',
  version: '1.0',
  from: 'yulin',
  to: 'xinzhou',
  requestId: newMessageId(),
  causationId: rejectedId,
  sentAt: '2024-03-01T09:30:00+08:00',
  body: { deliveredMessageId: rejectedId, storedAt: '2024-03-01T09:29:59.120+08:00' },
};
const subject = subjectFor({
  namespace: 'enf',
  to: 'xinzhou',
  from: 'yulin',
  type: 'message.delivered',
});

function decode(message: unknown, onSubject = subject): DecodeResult {
  return decodeMessage(Buffer.from(JSON.stringify(message)), onSubject);
}

function rejection(result: DecodeResult) {
  if (result.ok) throw new Error('expected a rejection, the message was accepted');
  return result.rejection;
}

describe('decodeMessage', () => {
  it('accepts a valid message and returns its envelope and typed body', () => {
    const result = decode(receipt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.envelope).toMatchObject({ id: receipt.id, from: 'yulin', to: 'xinzhou' });
    expect(result.message.body).toEqual(receipt.body);
  });

  it.each([
    [
      'bytes that are not UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      RejectionReason.MalformedJson,
    ],
    ['text that is not JSON', Buffer.from('{"id": '), RejectionReason.MalformedJson],
    ['a JSON array', Buffer.from('[1,2,3]'), RejectionReason.MalformedJson],
    ['JSON null', Buffer.from('null'), RejectionReason.MalformedJson],
    [
      'a __proto__ key',
      Buffer.from('{"__proto__":{"polluted":true}}'),
      RejectionReason.MalformedJson,
    ],
    [
      'deep nesting',
      Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      RejectionReason.NestingTooDeep,
    ],
    ['too many bytes', Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20), RejectionReason.MessageTooLarge],
  ])('rejects %s', (_what, bytes, reason) => {
    expect(rejection(decodeMessage(bytes, subject)).reason).toBe(reason);
  });

  it.each([
    ['a missing id', { id: undefined }, 'id'],
    ['an id that is not a UUIDv7', { id: '5f1c6c8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f' }, 'id'],
    ['a malformed sending court', { from: 'Yulin' }, 'from'],
    ['a sent-at time without offset', { sentAt: '2024-03-01T09:30:00' }, 'sentAt'],
    ['a body that is a string', { body: 'delivered' }, 'body'],
    ['an unknown envelope field', { priority: 'high' }, 'priority'],
    [
      'null for an optional field, which must be left out instead',
      { causationId: null },
      'causationId',
    ],
  ])('rejects an envelope with %s, naming the field', (_what, change, field) => {
    const result = rejection(decode({ ...receipt, ...change }));
    expect(result.reason).toBe(RejectionReason.InvalidEnvelope);
    expect(result.fieldErrors.map((error) => error.field)).toContain(field);
  });

  it('rejects another major version, keeping the message id for the answer', () => {
    const result = rejection(decode({ ...receipt, version: '2.0' }));
    expect(result).toMatchObject({
      reason: RejectionReason.UnsupportedVersion,
      rejectedMessageId: receipt.id,
    });
  });

  it('ignores fields it does not know in a newer minor version', () => {
    const newer = { ...receipt, version: '1.7', trace: 'x', body: { ...receipt.body, extra: 1 } };
    expect(decode(newer).ok).toBe(true);
  });

  it('rejects unknown body fields in its own minor version', () => {
    const result = rejection(decode({ ...receipt, body: { ...receipt.body, extra: 1 } }));
    expect(result.reason).toBe(RejectionReason.InvalidBody);
    expect(result.fieldErrors).toEqual([
      { field: 'body.extra', rule: 'not a field of this message' },
    ]);
  });

  it('rejects a body with a missing or malformed field, naming each', () => {
    const result = rejection(decode({ ...receipt, body: { storedAt: 'yesterday' } }));
    expect(result.reason).toBe(RejectionReason.InvalidBody);
    expect(result.fieldErrors.map((error) => error.field).sort()).toEqual([
      'body.deliveredMessageId',
      'body.storedAt',
    ]);
  });

  it.each([
    [
      'a required nested object is missing',
      'request.accepted',
      { receivingCaseNumber: '(2024)陕08执他45号' },
      { field: 'body.handler', rule: 'an object' },
    ],
    [
      'text holds a NUL character, which no database would store',
      'request.withdrawn',
      { reason: 'a\u0000b' },
      { field: 'body.reason', rule: 'text without NUL characters' },
    ],
  ])('rejects a body when %s', (_case, type, body, fieldError) => {
    const onSubject = subjectFor({ namespace: 'enf', to: 'xinzhou', from: 'yulin', type });
    expect(rejection(decode({ ...receipt, type, body }, onSubject)).fieldErrors).toEqual([
      fieldError,
    ]);
  });

  it('rejects a sender that differs from the subject’s sender', () => {
    const forged = { ...receipt, from: 'ordos' };
    expect(rejection(decode(forged)).reason).toBe(RejectionReason.SenderMismatch);
  });

  it.each([
    [
      'another receiving court',
      subjectFor({ namespace: 'enf', to: 'wuhai', from: 'yulin', type: 'message.delivered' }),
    ],
    [
      'another message type',
      subjectFor({ namespace: 'enf', to: 'xinzhou', from: 'yulin', type: 'message.rejected' }),
    ],
    ['a subject outside the protocol', 'somewhere.else'],
  ])('rejects a message that arrived on a subject naming %s', (_what, onSubject) => {
    expect(rejection(decode(receipt, onSubject)).reason).toBe(RejectionReason.SubjectMismatch);
  });

  it('rejects a type the catalogue does not define', () => {
    const type = 'delegation.teleported';
    const onSubject = subjectFor({ namespace: 'enf', to: 'xinzhou', from: 'yulin', type });
    expect(rejection(decode({ ...receipt, type }, onSubject)).reason).toBe(
      RejectionReason.UnknownMessageType,
    );
  });
});
