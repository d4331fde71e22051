import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseMonitorEventSubject } from '../transport/subjects';
import { CourtHeartbeatEvent } from './court-heartbeat.event';
import {
  isMonitorEventType,
  MONITOR_EVENT_CATALOGUE,
  MonitorEvent,
  MonitorEventType,
} from './monitor-events';

export type DecodedMonitorEvent =
  | { ok: true; type: MonitorEventType; court: string; event: MonitorEvent<MonitorEventType> }
  | { ok: false; problem: string };

/**
 * Checks an event read from the monitor events stream: a known type on a well-formed subject,
 * valid JSON of that type with no unknown fields, published by the court its subject names.
 */
export function decodeMonitorEvent(subject: string, data: Uint8Array): DecodedMonitorEvent {
  const parts = parseMonitorEventSubject(subject);
  if (!parts || !isMonitorEventType(parts.type)) {
    return { ok: false, problem: `${subject} is no monitor event subject of a known type` };
  }
  const parsed = parseJson(data);
  if (parsed === undefined) return { ok: false, problem: 'the payload is not a JSON object' };
  const problems = validationProblems(MONITOR_EVENT_CATALOGUE[parts.type], parsed);
  if (problems) return { ok: false, problem: problems };
  const event = parsed as MonitorEvent<MonitorEventType>;
  if (event.court !== parts.court) {
    return { ok: false, problem: `published on ${parts.court}'s subject but names ${event.court}` };
  }
  return { ok: true, type: parts.type, court: parts.court, event };
}

/** Checks a heartbeat; undefined when it is not a valid one. */
export function decodeHeartbeat(data: Uint8Array): CourtHeartbeatEvent | undefined {
  const parsed = parseJson(data);
  if (parsed === undefined || validationProblems(CourtHeartbeatEvent, parsed)) return undefined;
  return parsed as CourtHeartbeatEvent;
}

function parseJson(data: Uint8Array): object | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(data).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function validationProblems(shape: new () => object, value: object): string | undefined {
  const errors = validateSync(plainToInstance(shape, value), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.length > 0 ? errors.map(String).join('; ') : undefined;
}
