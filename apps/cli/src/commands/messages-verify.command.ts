import { openCourtKeysBucket, readCourtKeys } from '@enforcement-link/messaging';
import {
  checkSignature,
  CourtKeyRegistry,
  decodeMessage,
  RejectionReason,
} from '@enforcement-link/protocol';
import { Client } from 'pg';
import { Command, parseOptions, UsageError } from '../command';
import { connectToNetwork, NETWORK_OPTIONS_USAGE, stringOption } from '../network-options';
import { describeKey } from './key-status';

const BATCH_SIZE = 500;

interface StoredMessage {
  id: string;
  subject: string;
  payload: string;
  outcome: string;
  received_at: Date;
  stream_stored_at: Date | null;
}

/** What re-checking one stored message found. */
interface Verification {
  id: string;
  outcome: string;
  type?: string;
  from?: string;
  sentAt?: string;
  storedAt: string;
  keyId?: string;
  /** The key's court and standing as the registry says today. */
  key?: string;
  /** Whether the signature matches the stored content, with the key it names. */
  signatureMatches: boolean;
  /** Whether the message was validly signed when it was sent: the signature and the key. */
  valid: boolean;
  problem?: string;
}

export const messagesVerify: Command = {
  name: 'messages verify',
  summary: "re-check the signatures of messages a court received, against today's registry",
  usage: `usage: enforcement-link messages verify --database-url <court database>
                                    (--message-id <id> | --all) [--json]

Reads messages from the court's inbox (inbox_messages) and checks each again: that its
signature matches its content as stored, which key signed it, and whether that key was valid
for it when it was sent and stored (a key retired or revoked later does not change that).
--all checks every message the court processed; --message-id one stored message, whatever its
outcome. Exit code 1 when any message fails.
${NETWORK_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['all', 'json']);
    const databaseUrl = stringOption(options, 'database-url');
    const messageId = stringOption(options, 'message-id');
    if (!databaseUrl) throw new UsageError('--database-url is required');
    if ((messageId === undefined) === (options.all === undefined)) {
      throw new UsageError('give either --message-id or --all');
    }
    const registry = await currentRegistry(options);
    const database = new Client({ connectionString: databaseUrl });
    await database.connect();
    const results: Verification[] = [];
    try {
      for await (const message of storedMessages(database, messageId)) {
        const result = verify(message, registry);
        results.push(result);
        if (!options.json) console.log(describe(result));
      }
    } finally {
      await database.end();
    }
    const failed = results.filter((result) => !result.valid).length;
    if (options.json) {
      console.log(JSON.stringify(results, null, 2));
    } else if (messageId !== undefined && results.length === 0) {
      console.error(`no message ${messageId} in this court's inbox`);
    } else {
      console.log(`${results.length} checked, ${failed} failed`);
    }
    return failed > 0 || results.length === 0 ? 1 : 0;
  },
};

async function currentRegistry(options: Record<string, string | true>): Promise<CourtKeyRegistry> {
  const { connection, namespace, streamReplicas } = await connectToNetwork(options);
  try {
    return await readCourtKeys(
      await openCourtKeysBucket(connection.jetstream(), namespace, streamReplicas),
    );
  } finally {
    await connection.close();
  }
}

/** The message asked for, or every processed message, a batch at a time. */
async function* storedMessages(
  database: Client,
  messageId: string | undefined,
): AsyncGenerator<StoredMessage> {
  const columns = 'id, subject, payload, outcome, received_at, stream_stored_at';
  if (messageId !== undefined) {
    const { rows } = await database.query<StoredMessage>(
      `SELECT ${columns} FROM inbox_messages WHERE id::text = $1`,
      [messageId],
    );
    yield* rows;
    return;
  }
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await database.query<StoredMessage>(
      `SELECT ${columns} FROM inbox_messages WHERE outcome = 'processed' AND id > $1
        ORDER BY id LIMIT ${BATCH_SIZE}`,
      [after],
    );
    yield* rows;
    if (rows.length < BATCH_SIZE) return;
    after = rows[rows.length - 1].id;
  }
}

function verify(message: StoredMessage, registry: CourtKeyRegistry): Verification {
  const storedAt = message.stream_stored_at ?? message.received_at;
  const base = { id: message.id, outcome: message.outcome, storedAt: storedAt.toISOString() };
  const decoded = decodeMessage(Buffer.from(message.payload, 'utf8'), message.subject);
  if (!decoded.ok) {
    const { reason, detail } = decoded.rejection;
    return { ...base, signatureMatches: false, valid: false, problem: `${reason}: ${detail}` };
  }
  const { envelope } = decoded.message;
  const check = checkSignature(decoded.message, registry, storedAt);
  const key = registry.find(envelope.signature?.keyId ?? '');
  return {
    ...base,
    type: envelope.type,
    from: envelope.from,
    sentAt: envelope.sentAt,
    keyId: envelope.signature?.keyId,
    key: key && `${key.court}: ${describeKey(key)}`,
    signatureMatches:
      check.valid ||
      check.reason === RejectionReason.RevokedSigningKey ||
      check.reason === RejectionReason.RetiredSigningKey,
    valid: check.valid,
    problem: check.valid ? undefined : `${check.reason}: ${check.detail}`,
  };
}

function describe(result: Verification): string {
  const what = result.type
    ? `${result.type} from ${result.from}, sent ${result.sentAt}, stored ${result.storedAt}`
    : `stored ${result.storedAt}`;
  const signer = result.keyId ? `; signed by ${result.keyId} (${result.key ?? 'unknown key'})` : '';
  return `${result.valid ? 'valid  ' : 'INVALID'} ${result.id} ${what}${signer}${result.problem ? `; ${result.problem}` : ''}`;
}
