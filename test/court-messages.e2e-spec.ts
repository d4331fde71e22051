import {
  courtConsumerName,
  courtMessagesStreamName,
  DelegationRequestedBody,
  EXAMPLE_BODIES,
  newMessageId,
  ProtocolRejectionBody,
  RejectionReason,
  RequestState,
} from '@enforcement-link/protocol';
import { AckPolicy } from 'nats';
import { CourtApi, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

/**
 * Messages as another court's software might send them: broken, forged, repeated or out of
 * order. The node under test must answer each correctly and keep working.
 */
describe('court messages on the wire', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let ordos: FakeCourt;
  let delegationBody: object;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, { xinzhou: {}, yulin: {} }));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
    delegationBody = await xinzhou.withDocuments({ ...EXAMPLE_BODIES['delegation.requested'] });
  });

  afterAll(async () => {
    await ordos.leave();
    await network.cleanup();
  });

  const validRequest = () =>
    ordos.envelope('delegation.requested', 'yulin', newMessageId(), { ...delegationBody });

  it.each([
    ['bad JSON', 'delegation.requested', () => '{"id": "0190', RejectionReason.MalformedJson],
    [
      'an unknown type',
      'delegation.teleported',
      () => ({ ...validRequest(), type: 'delegation.teleported' }),
      RejectionReason.UnknownMessageType,
    ],
    [
      'a bad check digit',
      'delegation.requested',
      () => {
        const message = validRequest();
        message.body = {
          ...message.body,
          party: { kind: 'natural-person', name: '张三', identityNumber: '140902198506153312' },
        };
        return message;
      },
      RejectionReason.InvalidBody,
    ],
  ])('answers %s with a protocol rejection and stores it', async (_case, type, make, reason) => {
    const payload = make();
    await ordos.publish('yulin', type, typeof payload === 'string' ? payload : payload);
    const answer = await ordos.receive(['message.rejected']);
    const rejection = answer.body as ProtocolRejectionBody;
    expect(rejection.reason).toBe(reason);
    if (typeof payload !== 'string') expect(rejection.rejectedMessageId).toBe(payload.id);
    if (reason === RejectionReason.InvalidBody) {
      expect(rejection.fieldErrors).toEqual([
        {
          field: 'body.party.identityNumber',
          rule: expect.stringContaining('resident identity') as string,
        },
      ]);
    }
  });

  it('rejects a forged sender, answering the court the subject names', async () => {
    const forged = { ...validRequest(), from: 'xinzhou' };
    await ordos.publish('yulin', 'delegation.requested', forged);
    const answer = await ordos.receive(['message.rejected']);
    expect(answer.body).toMatchObject({
      reason: RejectionReason.SenderMismatch,
      rejectedMessageId: forged.id,
    });
    const stored = await network.query<{ outcome: string; rejection_reason: string }>(
      yulin.databaseUrl,
      'SELECT outcome, rejection_reason FROM inbox_messages WHERE id = $1',
      [forged.id],
    );
    expect(stored).toEqual([{ outcome: 'rejected', rejection_reason: 'SENDER_MISMATCH' }]);
  });

  it('keeps working after invalid messages: the next valid request gets a receipt', async () => {
    const request = validRequest();
    await ordos.publish('yulin', 'delegation.requested', request);
    const receipt = await ordos.receive(['message.delivered']);
    expect(receipt.body).toMatchObject({ deliveredMessageId: request.id });
    const task = await yulin.get(`/api/tasks/${request.requestId}`);
    expect(task).toMatchObject({ state: RequestState.Delivered, requestingCourt: 'ordos' });

    // Each message so far reached Yulin's durable consumer once: the invalid ones were
    // terminated and stored with their reason, never delivered again, and nothing waits.
    await network.withJetStreamManager(async (manager) => {
      const stream = courtMessagesStreamName(network.namespace);
      const consumer = await waitFor('Yulin to acknowledge every message', async () => {
        const info = await manager.consumers.info(stream, courtConsumerName('yulin'));
        return info.num_ack_pending === 0 && info.num_pending === 0 ? info : undefined;
      });
      expect(consumer.config.ack_policy).toBe(AckPolicy.Explicit);
      const [{ stored }] = await network.query<{ stored: number }>(
        yulin.databaseUrl,
        'SELECT count(*)::int AS stored FROM inbox_messages',
      );
      expect(consumer.delivered.consumer_seq).toBe(stored);
    });
  });

  it('has one effect for a message published twice, beyond JetStream’s duplicate window', async () => {
    const request = validRequest();
    await ordos.publish('yulin', 'delegation.requested', request);
    await ordos.publish('yulin', 'delegation.requested', request);
    await ordos.receive(['message.delivered']);
    const accepted = ordos.envelope('request.withdrawn', 'yulin', request.requestId, {
      reason: '被执行人已履行',
    });
    await ordos.publish('yulin', 'request.withdrawn', accepted);
    await ordos.publish('yulin', 'request.withdrawn', accepted);
    await yulin.waitForState(`/api/tasks/${request.requestId}`, RequestState.Withdrawn);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const task = await yulin.get(`/api/tasks/${request.requestId}`);
    expect(task.timeline.map((entry) => entry.type)).toEqual([
      'delegation.requested',
      'request.withdrawn',
    ]);
    const receipts = await network.query<{ count: string }>(
      yulin.databaseUrl,
      `SELECT count(*) FROM outbox_messages WHERE payload::jsonb ->> 'type' = 'message.delivered'
         AND payload::jsonb ->> 'requestId' = $1`,
      [request.requestId],
    );
    expect(receipts).toEqual([{ count: '2' }]);
  });

  it('rejects a second request under an id the court already has, and keeps the first', async () => {
    const first = validRequest();
    const firstBody = first.body as DelegationRequestedBody;
    await ordos.publish('yulin', 'delegation.requested', first);
    await ordos.receive(['message.delivered']);
    const again = ordos.envelope('delegation.requested', 'yulin', first.requestId, {
      ...delegationBody,
      instructions: '请查封被执行人名下的房产。',
    });
    await ordos.publish('yulin', 'delegation.requested', again);

    const answer = await ordos.receive(['message.rejected']);
    expect(answer.body).toMatchObject({
      reason: RejectionReason.NotAllowedInState,
      rejectedMessageId: again.id,
      detail: `request ${first.requestId} already exists at yulin`,
    });
    const task = await yulin.get(`/api/tasks/${first.requestId}`);
    expect(task.state).toBe(RequestState.Delivered);
    expect(task.details).toMatchObject({ instructions: firstBody.instructions });
    expect(task.timeline.map((entry) => entry.messageId)).toEqual([first.id]);
  });

  it('handles a burst together, unharmed by a message in it that cannot be applied yet', async () => {
    const requests = Array.from({ length: 30 }, validRequest);
    await Promise.all(
      requests.map((request) => ordos.publish('yulin', 'delegation.requested', request)),
    );
    const ids = requests.map((request) => request.requestId);
    await waitFor('the burst of requests to be stored', async () => {
      const [stored] = await network.query<{ count: string }>(
        yulin.databaseUrl,
        'SELECT count(*) FROM requests WHERE id = ANY($1)',
        [ids],
      );
      return stored.count === '30' || undefined;
    });

    const withdrawals = requests.map((request) =>
      ordos.envelope('request.withdrawn', 'yulin', request.requestId, { reason: '被执行人已履行' }),
    );
    const premature = ordos.envelope('request.withdrawn', 'yulin', newMessageId(), {
      reason: '被执行人已履行',
    });
    withdrawals.splice(15, 0, premature);
    await Promise.all(
      withdrawals.map((message) => ordos.publish('yulin', 'request.withdrawn', message)),
    );
    await waitFor('every withdrawal to take effect', async () => {
      const [withdrawn] = await network.query<{ count: string }>(
        yulin.databaseUrl,
        `SELECT count(*) FROM requests WHERE id = ANY($1) AND state = '${RequestState.Withdrawn}'`,
        [ids],
      );
      return withdrawn.count === '30' || undefined;
    });

    const [stored] = await network.query<{ messages: string; transactions: string }>(
      yulin.databaseUrl,
      `SELECT count(*) AS messages, count(DISTINCT xmin::text) AS transactions
         FROM inbox_messages WHERE id = ANY($1)`,
      [withdrawals.map((message) => message.id)],
    );
    expect(stored.messages).toBe('30');
    expect(Number(stored.transactions)).toBeLessThan(30);
  });

  it('applies a result that overtook the acceptance once the acceptance arrives', async () => {
    const created = await xinzhou.createDelegation('ordos');
    const requested = await ordos.receive(['delegation.requested']);
    expect(requested.requestId).toBe(created.id);

    const accepted = ordos.envelope(
      'request.accepted',
      'xinzhou',
      created.id,
      EXAMPLE_BODIES['request.accepted'],
    );
    await ordos.send(
      'delegation.result-reported',
      'xinzhou',
      created.id,
      await xinzhou.withDocuments(EXAMPLE_BODIES['delegation.result-reported']),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await ordos.publish('xinzhou', accepted.type, accepted);

    const reported = await xinzhou.waitForState(
      `/api/delegations/${created.id}`,
      RequestState.ResultReported,
    );
    expect(reported.receivingCaseNumber).toBe('(2024)陕08执他45号');
    expect(reported.timeline.map((entry) => entry.type)).toEqual([
      'delegation.requested',
      'request.accepted',
      'delegation.result-reported',
    ]);
  });

  it('answers a status query with the state as it sees it', async () => {
    const created = await xinzhou.createDelegation('ordos');
    await ordos.receive(['delegation.requested']);
    await ordos.send('status.queried', 'xinzhou', created.id, {
      question: '请告知进度',
    });
    const answer = await ordos.receive(['status.reported']);
    expect(answer.body).toMatchObject({ state: RequestState.Sent, dueAt: created.dueAt });
  });

  it('keeps the receiving court’s rejection on the request it rejected, for the clerk to see', async () => {
    const created = await xinzhou.createDelegation('ordos');
    const sent = await ordos.receive(['delegation.requested']);
    expect(sent.requestId).toBe(created.id);
    const rejection = {
      reason: RejectionReason.DocumentUnavailable,
      rejectedMessageId: sent.id,
      detail: `document of ${sent.id} is not the file described`,
      fieldErrors: [{ field: 'body.documents[0].sha256', rule: 'the SHA-256 of the document' }],
    };
    await ordos.send('message.rejected', 'xinzhou', created.id, rejection);

    const rejected = await waitFor('the rejection at Xinzhou', async () => {
      const request = await xinzhou.get(`/api/delegations/${created.id}`);
      return request.lastRejection ? request : undefined;
    });
    expect(rejected.lastRejection).toEqual(rejection);
    expect(rejected.timeline.map((entry) => [entry.direction, entry.type])).toContainEqual([
      'in',
      'message.rejected',
    ]);
  });
});
