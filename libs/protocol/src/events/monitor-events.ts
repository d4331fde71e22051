import { RequestEscalatedEvent } from './request-escalated.event';
import { RequestUpdatedEvent } from './request-updated.event';

/**
 * The events court nodes keep in the monitor events stream, by type: each travels on
 * `<namespace>.events.v1.<court>.<type>`, outside any envelope, its `id` as `Nats-Msg-Id`.
 */
export const MONITOR_EVENT_CATALOGUE = {
  'request.updated': RequestUpdatedEvent,
  'request.escalated': RequestEscalatedEvent,
} as const;

export type MonitorEventType = keyof typeof MONITOR_EVENT_CATALOGUE;
export type MonitorEvent<T extends MonitorEventType> = InstanceType<
  (typeof MONITOR_EVENT_CATALOGUE)[T]
>;

export function isMonitorEventType(type: string): type is MonitorEventType {
  return Object.hasOwn(MONITOR_EVENT_CATALOGUE, type);
}
