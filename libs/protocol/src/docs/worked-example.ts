import { Side } from '../lifecycle/lifecycle';
import { MessageType } from '../messages/catalogue';
import { PROTOCOL_VERSION } from '../messages/envelope';
import { EXAMPLE_BODIES } from '../messages/examples';
import { subjectFor } from '../transport/subjects';

export interface WorkedExampleStep {
  sentBy: Side;
  subject: string;
  headers: { 'Nats-Msg-Id': string };
  message: Record<string, unknown>;
}

const REQUEST_ID = '0190a3f0-5c00-7000-8000-00000000a001';
const COURTS: Record<Side, string> = { requesting: 'xinzhou', receiving: 'yulin' };

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
 * messages on the wire, in order: the worked example of docs/PROTOCOL.md.
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
      message: {
        id: id(step),
        type,
        version: PROTOCOL_VERSION,
        from,
        to,
        requestId: REQUEST_ID,
        ...(step > 0 ? { causationId: id(step - 1) } : {}),
        sentAt,
        body,
      },
    };
  });
}
