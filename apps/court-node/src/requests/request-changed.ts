import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { RequestEvents } from '../monitor-events/request-events.subscriber';
import { Request } from './request.entity';

/**
 * Notes, in the open transaction of `manager`, that `request` was created or changed: when the
 * transaction commits, the command centres' monitor hears of it and the audit trail records it.
 * `money` when its funds moved.
 */
export function requestChanged(manager: EntityManager, request: Request, money = false): void {
  RequestEvents.changed(manager, request, money);
  AuditTrail.requestChanged(manager, request, money);
}
