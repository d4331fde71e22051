import { isCourtCode } from '../courts/court-code';
import { PROTOCOL_MAJOR_VERSION } from './streams';
import { NAMESPACE_PATTERN } from './namespace';

/**
 * A message travels on `<namespace>.v<major>.<to>.<from>.<type>`, e.g.
 * `enf.v1.yulin.xinzhou.delegation.requested`. Naming both courts lets NATS permissions bind a
 * court's credentials to the sender it claims (it may publish only `*.*.*.<itself>.>`) and lets
 * each court read only its own messages (a consumer filtered on `<namespace>.v1.<itself>.>`).
 */
export interface SubjectParts {
  namespace: string;
  to: string;
  from: string;
  type: string;
}

const MESSAGE_TYPE_TOKENS = /^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/;

export function subjectFor(parts: SubjectParts): string {
  if (!arePartsValid(parts))
    throw new Error(`cannot build a subject from ${JSON.stringify(parts)}`);
  const { namespace, to, from, type } = parts;
  return `${namespace}.v${PROTOCOL_MAJOR_VERSION}.${to}.${from}.${type}`;
}

/** The parts of a subject of this protocol version, or undefined for any other subject. */
export function parseSubject(subject: string): SubjectParts | undefined {
  const [namespace, version, to, from, ...typeTokens] = subject.split('.');
  const parts = { namespace, to, from, type: typeTokens.join('.') };
  return version === `v${PROTOCOL_MAJOR_VERSION}` && arePartsValid(parts) ? parts : undefined;
}

function arePartsValid({ namespace, to, from, type }: SubjectParts): boolean {
  return (
    NAMESPACE_PATTERN.test(namespace ?? '') &&
    isCourtCode(to) &&
    isCourtCode(from) &&
    MESSAGE_TYPE_TOKENS.test(type)
  );
}

/** `<namespace>.events.v<major>.<court>.<type>`: an event `court` publishes for the monitor. */
export function monitorEventSubject(namespace: string, court: string, type: string): string {
  if (!arePartsValid({ namespace, to: court, from: court, type })) {
    throw new Error(
      `cannot build an event subject from ${JSON.stringify({ namespace, court, type })}`,
    );
  }
  return `${namespace}.events.v${PROTOCOL_MAJOR_VERSION}.${court}.${type}`;
}

/** The court and event type of a monitor event subject, or undefined for any other subject. */
export function parseMonitorEventSubject(
  subject: string,
): { namespace: string; court: string; type: string } | undefined {
  const [namespace, events, version, court, ...typeTokens] = subject.split('.');
  const parts = { namespace, to: court, from: court, type: typeTokens.join('.') };
  return events === 'events' && version === `v${PROTOCOL_MAJOR_VERSION}` && arePartsValid(parts)
    ? { namespace, court, type: parts.type }
    : undefined;
}

/** What a court's durable consumer filters on: every message addressed to it. */
export function inboundSubjectFilter(namespace: string, court: string): string {
  return `${namespace}.v${PROTOCOL_MAJOR_VERSION}.${court}.>`;
}

/** Every message `court` sends, to whichever court: what its NATS user may publish. */
export function outboundSubjectFilter(namespace: string, court: string): string {
  return `${namespace}.v${PROTOCOL_MAJOR_VERSION}.*.${court}.>`;
}

/** Every event `court` publishes for the monitor. */
export function monitorEventsSubjectFilter(namespace: string, court: string): string {
  return `${namespace}.events.v${PROTOCOL_MAJOR_VERSION}.${court}.>`;
}

/**
 * Where the answers to `court`'s own requests arrive (JetStream API replies, the messages it
 * pulls, publish acknowledgements): `_INBOX.<namespace>.courts.<court>`, given to the NATS client
 * as its inbox prefix. A court may subscribe only below its own, so it cannot read what another
 * court pulls. Software of another vendor connecting as a court must use the same prefix.
 */
export function courtInboxPrefix(namespace: string, court: string): string {
  return `_INBOX.${namespace}.courts.${court}`;
}

/** The monitor's inbox prefix; its replicas share it. */
export function monitorInboxPrefix(namespace: string): string {
  return `_INBOX.${namespace}.monitor`;
}

/** `<namespace>.heartbeats.v<major>.<court>`: where `court`'s node says it is alive. */
export function heartbeatSubject(namespace: string, court: string): string {
  if (!arePartsValid({ namespace, to: court, from: court, type: 'court.heartbeat' })) {
    throw new Error(
      `cannot build a heartbeat subject from ${JSON.stringify({ namespace, court })}`,
    );
  }
  return `${namespace}.heartbeats.v${PROTOCOL_MAJOR_VERSION}.${court}`;
}

/** Every court's heartbeats, for the monitor. */
export function heartbeatsSubjectFilter(namespace: string): string {
  return `${namespace}.heartbeats.v${PROTOCOL_MAJOR_VERSION}.*`;
}
