import { MONITOR_EVENT_CATALOGUE } from '../events/monitor-events';
import { CourtHeartbeatEvent } from '../events/court-heartbeat.event';
import { senderOf } from '../lifecycle/lifecycle';
import { MESSAGE_CATALOGUE, MessageType } from '../messages/catalogue';
import { PROTOCOL_VERSION } from '../messages/envelope';
import { CourtKeyRecord } from '../signing/court-keys';
import { PROTOCOL_MAJOR_VERSION } from '../transport/streams';
import { descriptionOf } from '../validation/described';
import { validationSchemas } from '../validation/validation-schemas';

import { Schema } from '../validation/validation-schemas';

const COMPONENTS = '#/components/schemas/';
const EVENTS_ADDRESS = `{namespace}.events.v${PROTOCOL_MAJOR_VERSION}.{court}`;
/**
 * Events for the command centres' monitor, by type, with the subject each travels on; they
 * travel outside any envelope.
 */
const MONITOR_EVENTS = {
  ...Object.fromEntries(
    Object.entries(MONITOR_EVENT_CATALOGUE).map(([type, event]) => [
      type,
      { event, address: `${EVENTS_ADDRESS}.${type}` },
    ]),
  ),
  'court.heartbeat': {
    event: CourtHeartbeatEvent,
    address: `{namespace}.heartbeats.v${PROTOCOL_MAJOR_VERSION}.{court}`,
  },
};

const SENDERS = {
  requesting: 'the requesting court',
  receiving: 'the receiving court',
  either: 'either court',
};

/**
 * JSON Schemas of the envelope, every body and everything they contain, generated from the
 * class-validator decorators of the message classes, so the documents cannot drift from the
 * code. Objects forbid unknown properties, as a receiver of the same minor version does.
 */
export function componentSchemas(refPrefix = COMPONENTS): Record<string, Schema> {
  const all = validationSchemas(refPrefix);
  const roots = [
    'Envelope',
    ...Object.values(MESSAGE_CATALOGUE).map((body) => body.name),
    ...Object.values(MONITOR_EVENTS).map(({ event }) => event.name),
  ];
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name) || !all[name]) return;
    reachable.add(name);
    for (const match of JSON.stringify(all[name]).matchAll(/"\$ref":"[^"]*\/([A-Za-z]+)"/g))
      visit(match[1]);
  };
  roots.forEach(visit);
  return Object.fromEntries([...reachable].sort().map((name) => [name, all[name]]));
}

function messageSchemaName(type: MessageType): string {
  return `${type.replace(/(^|[.-])([a-z])/g, (_m, _sep, letter: string) => letter.toUpperCase())}Message`;
}

/** The whole message of one type: the envelope with `type` fixed and `body` its own schema. */
function messageSchema(type: MessageType, envelope: Schema, refPrefix: string): Schema {
  const properties = envelope.properties as Record<string, Schema>;
  return {
    ...envelope,
    title: type,
    description: `A ${type} message, sent by ${SENDERS[senderOf(type)]}.`,
    properties: {
      ...properties,
      type: { type: 'string', const: type },
      body: { $ref: `${refPrefix}${MESSAGE_CATALOGUE[type].name}` },
    },
  };
}

/** One self-contained JSON Schema (draft 2020-12) per message type. */
export function messageJsonSchemas(): Record<MessageType, Schema> {
  const definitions = componentSchemas('#/$defs/');
  const types = Object.keys(MESSAGE_CATALOGUE) as MessageType[];
  return Object.fromEntries(
    types.map((type) => [
      type,
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        ...messageSchema(type, definitions.Envelope, '#/$defs/'),
        $defs: definitions,
      },
    ]),
  ) as unknown as Record<MessageType, Schema>;
}

/** One self-contained JSON Schema (draft 2020-12) per monitor event type. */
export function monitorEventJsonSchemas(): Record<string, Schema> {
  const definitions = componentSchemas('#/$defs/');
  return Object.fromEntries(
    Object.entries(MONITOR_EVENTS).map(([type, { event }]) => [
      type,
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        ...definitions[event.name],
        $defs: definitions,
      },
    ]),
  );
}

/** The value of a court's entry in the court key registry bucket: the list of its keys. */
export function courtKeysJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'court keys',
    description:
      "The value stored under a court's code in the bucket <NAMESPACE>_COURT_KEYS: every signing key the court ever had.",
    type: 'array',
    items: validationSchemas('#/$defs/')[CourtKeyRecord.name],
  };
}

/** The AsyncAPI 3 document: a channel per message type, who sends and receives it, its schema. */
export function asyncApiDocument(): Schema {
  const schemas = componentSchemas();
  const types = Object.keys(MESSAGE_CATALOGUE) as MessageType[];
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};
  for (const type of types) {
    const name = messageSchemaName(type);
    schemas[name] = messageSchema(type, schemas.Envelope, COMPONENTS);
    messages[name] = {
      name: type,
      title: type,
      summary: `Sent by ${SENDERS[senderOf(type)]}.`,
      description: descriptionOf(MESSAGE_CATALOGUE[type].name),
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': {
            type: 'string',
            description: 'The envelope id, for JetStream de-duplication.',
          },
        },
        required: ['Nats-Msg-Id'],
      },
      payload: { $ref: `${COMPONENTS}${name}` },
    };
    channels[type] = {
      address: `{namespace}.v${PROTOCOL_MAJOR_VERSION}.{to}.{from}.${type}`,
      title: type,
      parameters: {
        namespace: { description: 'The network, `enf` in production.' },
        to: { description: 'Court code of the receiving court.' },
        from: { description: 'Court code of the sending court; must equal the envelope `from`.' },
      },
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    for (const action of ['send', 'receive'] as const) {
      operations[`${action}.${type}`] = {
        action,
        channel: { $ref: `#/channels/${type}` },
        summary: `${action === 'send' ? 'Send' : 'Receive'} ${type}; sent by ${SENDERS[senderOf(type)]}.`,
        messages: [{ $ref: `#/channels/${type}/messages/${name}` }],
      };
    }
  }
  for (const [type, { event, address }] of Object.entries(MONITOR_EVENTS)) {
    const name = event.name;
    const channel = `events.${type}`;
    messages[name] = {
      name: `${type} event`,
      title: `${type} event`,
      summary: 'Published by a court node for the command centres’ monitor.',
      description: descriptionOf(name),
      contentType: 'application/json',
      payload: { $ref: `${COMPONENTS}${name}` },
    };
    channels[channel] = {
      address,
      title: `${type} event`,
      parameters: {
        namespace: { description: 'The network, `enf` in production.' },
        court: { description: 'Court code of the court that publishes the event.' },
      },
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`receive.${channel}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      summary: `Receive ${type} events (the monitor).`,
      messages: [{ $ref: `#/channels/${channel}/messages/${name}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'enforcement-link court-to-court protocol',
      version: PROTOCOL_VERSION,
      description:
        'Messages that courts exchange to help each other enforce judgments: asset searches, ' +
        'delegated enforcement matters, results and funds. See docs/PROTOCOL.md.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas, messages },
  };
}
