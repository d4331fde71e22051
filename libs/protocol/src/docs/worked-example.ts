import { Prefix } from 'nkeys.js';
import { Codec } from 'nkeys.js/lib/codec';
import { Side } from '../lifecycle/lifecycle';
import { MessageType } from '../messages/catalogue';
import { PROTOCOL_VERSION } from '../messages/envelope';
import { EXAMPLE_BODIES } from '../messages/examples';
import { SigningKey } from '../signing/signing-key';
import { subjectFor } from '../transport/subjects';

export interface WorkedExampleStep {
  sentBy: Side;
  subject: string;
  headers: { 'Nats-Msg-Id': string };
  message: Record<string, unknown>;
}

const REQUEST_ID = '0190a3f0-5c00-7000-8000-00000000a001';
const COURTS: Record<Side, string> = { requesting: 'xinzhou', receiving: 'yulin' };

/**
 * The example's signing keys, made from the secret keys of the first two test vectors of
 * RFC 8032 (section 7.1), which everyone knows: they serve to check an implementation against
 * the example, never to sign anything real.
 */
export const WORKED_EXAMPLE_KEYS: Record<Side, SigningKey> = {
  requesting: exampleKey('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
  receiving: exampleKey('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb'),
};

function exampleKey(secretKeyHex: string): SigningKey {
  const seed = Codec.encodeSeed(Prefix.User, Buffer.from(secretKeyHex, 'hex'));
  return SigningKey.fromSeed(new TextDecoder().decode(seed));
}

const STEPS: [MessageType, Side, string][] = [
  ['delegation.requested', 'requesting', '2024-03-14T09:30:00+08:00'],
  ['message.delivered', 'receiving', '2024-03-14T09:30:01+08:00'],
  ['request.accepted', 'receiving', '2024-03-14T15:12:40+08:00'],
  ['progress.reported', 'receiving', '2024-03-15T10:02:00+08:00'],
  ['delegation.result-reported', 'receiving', '2024-03-18T16:45:00+08:00'],
  ['result.confirmed', 'requesting', '2024-03-19T09:05:00+08:00'],
  ['funds.transferred', 'receiving', '2024-05-06T11:20:00+08:00'],
  ['funds.receipt-confirmed', 'requesting', '2024-05-07T09:40:00+08:00'],
];

/**
 * One delegation from Xinzhou Intermediate Court to Yulin Intermediate Court as the raw
 * messages on the wire, in order, each signed by its court's example key: the worked example of
 * docs/PROTOCOL.md.
 */
export function workedExample(): WorkedExampleStep[] {
  const id = (step: number) =>
    `0190a3f0-5c00-7000-8000-0000000000${String(step + 1).padStart(2, '0')}`;
  return STEPS.map(([type, sentBy, sentAt], step) => {
    const from = COURTS[sentBy];
    const to = COURTS[sentBy === 'requesting' ? 'receiving' : 'requesting'];
    const body =
      type === 'message.delivered'
        ? { deliveredMessageId: id(0), storedAt: '2024-03-14T09:30:00.840+08:00' }
        : EXAMPLE_BODIES[type];
    return {
      sentBy,
      subject: subjectFor({ namespace: 'enf', to, from, type }),
      headers: { 'Nats-Msg-Id': id(step) },
      message: WORKED_EXAMPLE_KEYS[sentBy].sign({
        id: id(step),
        type,
        version: PROTOCOL_VERSION,
        from,
        to,
        requestId: REQUEST_ID,
        ...(step > 0 ? { causationId: id(step - 1) } : {}),
        sentAt,
        body,
      }),
    };
  });
}
