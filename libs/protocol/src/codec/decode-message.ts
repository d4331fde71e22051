import { ClassConstructor, plainToInstance } from 'class-transformer';
import { isUUID, validateSync, ValidationError } from 'class-validator';
import { isMessageType, MESSAGE_CATALOGUE } from '../messages/catalogue';
import { Envelope, PROTOCOL_VERSION } from '../messages/envelope';
import { FieldError } from '../messages/transport.messages';
import { parseSubject } from '../transport/subjects';
import { MAX_MESSAGE_BYTES, MAX_NESTING_DEPTH, RejectionReason } from './rejection-reasons';

export interface DecodedMessage {
  envelope: Envelope;
  /** The message exactly as parsed, before any conversion: what its signature covers. */
  raw: Record<string, unknown>;
  /** An instance of the catalogue class for `envelope.type`, validated. */
  body: object;
}

export interface Rejection {
  reason: RejectionReason;
  detail: string;
  fieldErrors: FieldError[];
  rejectedMessageId?: string;
}

export type DecodeResult =
  { ok: true; message: DecodedMessage } | { ok: false; rejection: Rejection };

const MAX_FIELD_ERRORS = 100;
/** Keys that would reach an object's prototype when copied onto a class instance. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const [OUR_MAJOR, OUR_MINOR] = PROTOCOL_VERSION.split('.').map(Number);

/**
 * Turns bytes from the network, and the subject they arrived on, into a validated message or a
 * rejection that says why. It never throws: whatever a sender puts on the wire, the receiver
 * gets a result it can store and answer.
 *
 * Versioning: a message of another major version is rejected. A message of a newer minor
 * version may carry fields this court does not know yet; they are ignored. A message of this or
 * an older minor version must not carry unknown fields.
 */
export function decodeMessage(bytes: Uint8Array, subject: string): DecodeResult {
  try {
    return decode(bytes, subject);
  } catch (error) {
    return rejected(RejectionReason.MalformedJson, `unreadable message: ${String(error)}`);
  }
}

function decode(bytes: Uint8Array, subject: string): DecodeResult {
  if (bytes.byteLength > MAX_MESSAGE_BYTES) {
    return rejected(
      RejectionReason.MessageTooLarge,
      `${bytes.byteLength} bytes; at most ${MAX_MESSAGE_BYTES} bytes are accepted`,
    );
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return rejected(RejectionReason.MalformedJson, 'not valid UTF-8');
  }
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING_DEPTH) {
    return rejected(
      RejectionReason.NestingTooDeep,
      `nested ${depth} levels deep; at most ${MAX_NESTING_DEPTH} are accepted`,
    );
  }

  const parsed = parseJsonObject(text);
  if (typeof parsed === 'string') return rejected(RejectionReason.MalformedJson, parsed);
  const rejectedMessageId = isUUID(parsed.id) ? (parsed.id as string) : undefined;
  const reject = (reason: RejectionReason, detail: string, fieldErrors: FieldError[] = []) =>
    rejected(reason, detail, fieldErrors, rejectedMessageId);

  const version = /^(\d+)\.(\d+)$/.exec(typeof parsed.version === 'string' ? parsed.version : '');
  if (version && Number(version[1]) !== OUR_MAJOR) {
    return reject(
      RejectionReason.UnsupportedVersion,
      `version ${String(parsed.version)}; this court speaks ${PROTOCOL_VERSION}`,
    );
  }
  const tolerateUnknownFields = version !== null && Number(version[2]) > OUR_MINOR;

  const envelope = plainToInstance(Envelope, parsed);
  const envelopeErrors = validate(envelope, tolerateUnknownFields, '');
  if (envelopeErrors.length > 0) {
    return reject(RejectionReason.InvalidEnvelope, 'the envelope is invalid', envelopeErrors);
  }

  const route = parseSubject(subject);
  if (route && route.from !== envelope.from) {
    return reject(
      RejectionReason.SenderMismatch,
      `the envelope says it is from ${envelope.from}, the subject says ${route.from}`,
    );
  }
  if (!route || route.to !== envelope.to || route.type !== envelope.type) {
    return reject(
      RejectionReason.SubjectMismatch,
      `a ${envelope.type} message to ${envelope.to} arrived on subject ${subject}`,
    );
  }
  if (!isMessageType(envelope.type)) {
    return reject(RejectionReason.UnknownMessageType, `unknown message type ${envelope.type}`);
  }

  const bodyClass: ClassConstructor<object> = MESSAGE_CATALOGUE[envelope.type];
  const body = plainToInstance(bodyClass, envelope.body);
  const bodyErrors = validate(body, tolerateUnknownFields, 'body');
  if (bodyErrors.length > 0) {
    return reject(RejectionReason.InvalidBody, `the ${envelope.type} body is invalid`, bodyErrors);
  }
  return { ok: true, message: { envelope, raw: parsed, body } };
}

function rejected(
  reason: RejectionReason,
  detail: string,
  fieldErrors: FieldError[] = [],
  rejectedMessageId?: string,
): DecodeResult {
  return { ok: false, rejection: { reason, detail, fieldErrors, rejectedMessageId } };
}

/** A JSON object, or why the text is not one. */
function parseJsonObject(text: string): Record<string, unknown> | string {
  let forbiddenKey: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbiddenKey = key;
      return item;
    });
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (forbiddenKey) return `the key "${forbiddenKey}" is not allowed anywhere in a message`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a JSON object';
  }
  return value as Record<string, unknown>;
}

/** The deepest nesting of objects and arrays, counted without parsing, so it cannot overflow. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (inString) {
      if (character === '\\') i++;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '{' || character === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if (character === '}' || character === ']') {
      depth--;
    }
  }
  return deepest;
}

function validate(target: object, tolerateUnknownFields: boolean, prefix: string): FieldError[] {
  const errors = validateSync(target, {
    whitelist: true,
    forbidNonWhitelisted: !tolerateUnknownFields,
    forbidUnknownValues: true,
  });
  const unique = new Map(fieldErrorsOf(errors, prefix).map((e) => [`${e.field}\n${e.rule}`, e]));
  return [...unique.values()].slice(0, MAX_FIELD_ERRORS);
}

/** class-validator's error tree as a flat list of `field` paths and the rules they broke. */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, rule]) => ({
      field,
      rule: constraint === 'whitelistValidation' ? 'not a field of this message' : rule,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}
