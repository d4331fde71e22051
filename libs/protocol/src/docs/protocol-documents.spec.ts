import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_CATALOGUE, MessageType } from '../messages/catalogue';
import { EXAMPLE_MONITOR_EVENTS } from '../events/example-events';
import { EXAMPLE_BODIES } from '../messages/examples';
import { protocolDocumentFiles } from './protocol-document-files';
import { decodeMessage } from '../codec/decode-message';
import { transition } from '../lifecycle/lifecycle';
import { RequestState } from '../lifecycle/request-state';
import {
  asyncApiDocument,
  messageJsonSchemas,
  monitorEventJsonSchemas,
} from './protocol-documents';
import { WORKED_EXAMPLE_KEYS, workedExample } from './worked-example';
import { checkSignature } from '../signing/check-signature';
import { CourtKeyRegistry } from '../signing/court-keys';

const DOCS = join(__dirname, '..', '..', '..', '..', 'docs', 'protocol');
const types = Object.keys(MESSAGE_CATALOGUE) as MessageType[];

function exampleMessage(type: MessageType): object {
  return {
    id: '0192f1d2-7a3b-7c4d-8e5f-60718293a4d0',
    type,
    version: '1.0',
    from: 'xinzhou',
    to: 'yulin',
    requestId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4d1',
    sentAt: '2024-03-14T09:30:00+08:00',
    body: EXAMPLE_BODIES[type],
  };
}

describe('generated protocol documents', () => {
  it.each(Object.entries(protocolDocumentFiles()))(
    'docs/protocol/%s is up to date (run npm run protocol:docs)',
    (path, content) => {
      expect(readFileSync(join(DOCS, path), 'utf8')).toBe(content);
    },
  );

  it('the AsyncAPI document parses without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    const errors = diagnostics.filter(
      ({ severity }) => Number(severity) === Number(DiagnosticSeverity.Error),
    );
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    // A channel per message type, sent and received, and one per monitor event, received.
    const events = Object.keys(EXAMPLE_MONITOR_EVENTS).length;
    expect(document?.channels().length).toBe(types.length + events);
    expect(document?.operations().length).toBe(types.length * 2 + events);
  });

  describe('JSON Schemas', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const schemas = messageJsonSchemas();

    it.each(Object.entries(EXAMPLE_MONITOR_EVENTS))(
      'the %s event schema accepts its example and refuses an unknown field',
      (type, event) => {
        const validate = ajv.compile(monitorEventJsonSchemas()[type]);
        expect(validate(event) ? [] : validate.errors).toEqual([]);
        expect(validate({ ...event, surprise: true })).toBe(false);
      },
    );

    it.each(types)('%s accepts its example message', (type) => {
      const validate = ajv.compile(schemas[type]);
      expect(validate(exampleMessage(type)) ? [] : validate.errors).toEqual([]);
    });

    it.each(types)('%s rejects an unknown body field and a missing id', (type) => {
      const validate = ajv.compile(schemas[type]);
      const message = exampleMessage(type) as { id?: string; body: object };
      expect(validate({ ...message, body: { ...message.body, surprise: 1 } })).toBe(false);
      expect(validate({ ...message, id: undefined })).toBe(false);
    });
  });

  it('the worked example decodes step by step and follows the lifecycle to CLOSED', () => {
    let state: RequestState | undefined;
    for (const step of workedExample()) {
      const result = decodeMessage(Buffer.from(JSON.stringify(step.message)), step.subject);
      expect(result.ok ? 'ok' : result.rejection).toBe('ok');
      const next = transition('delegation', state, step.message.type as MessageType, step.sentBy);
      expect(next.allowed ? 'allowed' : next.detail).toBe('allowed');
      state = next.allowed ? next.state : state;
    }
    expect(state).toBe(RequestState.Closed);
  });

  it('every message of the worked example is signed by its court’s example key', () => {
    const registry = CourtKeyRegistry.from(
      Object.entries(WORKED_EXAMPLE_KEYS).map(([side, key]) => ({
        court: side === 'requesting' ? 'xinzhou' : 'yulin',
        publicKey: key.publicKey,
        registeredAt: '2024-01-01T00:00:00Z',
      })),
    );
    for (const step of workedExample()) {
      const result = decodeMessage(Buffer.from(JSON.stringify(step.message)), step.subject);
      if (!result.ok) throw new Error(result.rejection.detail);
      const storedAt = new Date(result.message.envelope.sentAt);
      expect(checkSignature(result.message, registry, storedAt)).toMatchObject({ valid: true });
    }
  });
});
