import {
  courtMessagesStreamName,
  decodeMessage,
  Envelope,
  inboundSubjectFilter,
  MessageType,
  newMessageId,
  PROTOCOL_VERSION,
  SigningKey,
  subjectFor,
} from '@enforcement-link/protocol';
import { AckPolicy, connect, Consumer, headers, NatsConnection } from 'nats';
import { registerCourtKey } from './court-keys';
import { NATS_URL } from './test-network';

/**
 * A court whose software is not ours, played by the test: it writes raw messages on the wire,
 * broken ones included, and reads what the court nodes send it. It has a signing key of its
 * own, registered when it joins, and signs the envelopes it publishes.
 */
export class FakeCourt {
  private constructor(
    readonly code: string,
    private readonly namespace: string,
    private readonly connection: NatsConnection,
    private readonly consumer: Consumer,
    readonly key: SigningKey,
  ) {}

  static async join(namespace: string, code: string): Promise<FakeCourt> {
    const { key } = SigningKey.generate();
    await registerCourtKey(NATS_URL, namespace, code, key.publicKey);
    const connection = await connect({ servers: NATS_URL });
    const stream = courtMessagesStreamName(namespace);
    const manager = await connection.jetstreamManager();
    await manager.consumers.add(stream, {
      durable_name: `fake-${code}`,
      filter_subject: inboundSubjectFilter(namespace, code),
      ack_policy: AckPolicy.Explicit,
    });
    const consumer = await connection.jetstream().consumers.get(stream, `fake-${code}`);
    return new FakeCourt(code, namespace, connection, consumer, key);
  }

  envelope(type: MessageType, to: string, requestId: string, body: object): Envelope {
    return {
      id: newMessageId(),
      type,
      version: PROTOCOL_VERSION,
      from: this.code,
      to,
      requestId,
      sentAt: new Date().toISOString(),
      body,
    };
  }

  /**
   * Publishes `payload` to `to` on the subject of `type`, sent by `subjectSender` (this court
   * unless the test forges it): an envelope signed with this court's key (replacing any
   * signature it had), or raw text or bytes as they are.
   */
  publish(
    to: string,
    type: string,
    payload: Envelope | string | Uint8Array,
    subjectSender = this.code,
  ): Promise<void> {
    const signed = typeof payload === 'object' && !(payload instanceof Uint8Array);
    return this.publishAsIs(to, type, signed ? this.key.sign(payload) : payload, subjectSender);
  }

  /**
   * Publishes `payload` exactly as given: an unsigned, forged or tampered envelope stays so.
   * Each publish gets its own Nats-Msg-Id, so JetStream's de-duplication does not hide a
   * repeated envelope.
   */
  async publishAsIs(
    to: string,
    type: string,
    payload: Envelope | string | Uint8Array,
    subjectSender = this.code,
  ): Promise<void> {
    const subject = subjectFor({ namespace: this.namespace, to, from: subjectSender, type });
    const msgHeaders = headers();
    msgHeaders.set('Nats-Msg-Id', newMessageId());
    const data =
      payload instanceof Uint8Array
        ? payload
        : Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
    await this.connection.jetstream().publish(subject, data, { headers: msgHeaders });
  }

  /** Builds a valid message and publishes it, signed; returns it. */
  async send(type: MessageType, to: string, requestId: string, body: object): Promise<Envelope> {
    const message = this.key.sign(this.envelope(type, to, requestId, body));
    await this.publishAsIs(to, type, message);
    return message;
  }

  /** The next message addressed to this court of one of `types`, skipping others. */
  async receive(types: MessageType[], timeoutMs = 15_000): Promise<Envelope> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const message = await this.consumer.next({ expires: 1_000 });
      if (!message) continue;
      message.ack();
      const decoded = decodeMessage(message.data, message.subject);
      if (!decoded.ok)
        throw new Error(`a court sent an invalid message: ${decoded.rejection.detail}`);
      if (types.includes(decoded.message.envelope.type as MessageType)) {
        return { ...decoded.message.envelope, body: decoded.message.body };
      }
    }
    throw new Error(`${this.code} received no ${types.join(' or ')} within ${timeoutMs} ms`);
  }

  async leave(): Promise<void> {
    await this.connection.close();
  }
}
