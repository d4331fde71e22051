import { RequestState } from '../lifecycle/request-state';
import { CourtHeartbeatEvent } from './court-heartbeat.event';
import { MonitorEvent, MonitorEventType } from './monitor-events';

/** One valid event of each kind the monitor reads, for documents and tests. */
export const EXAMPLE_MONITOR_EVENTS: { [T in MonitorEventType]: MonitorEvent<T> } & {
  'court.heartbeat': CourtHeartbeatEvent;
} = {
  'request.updated': {
    id: '0192f1d2-7a3b-7c4d-8e5f-60718293a4e1',
    court: 'yulin',
    side: 'receiving',
    occurredAt: '2024-03-05T10:15:00+08:00',
    requestId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4d1',
    kind: 'delegation',
    matterType: 'freeze-deposit',
    requestingCourt: 'xinzhou',
    receivingCourt: 'yulin',
    state: RequestState.InProgress,
    stateSince: '2024-03-05T10:15:00+08:00',
    milestones: {
      deliveredAt: '2024-03-01T09:30:02+08:00',
      acceptedAt: '2024-03-02T14:00:00+08:00',
    },
    dueAt: '2024-03-17T23:59:59+08:00',
    amounts: { recoveredFen: 1_234_500, transferredFen: 0, confirmedFen: 0 },
  },
  'request.escalated': {
    id: '0192f1d2-7a3b-7c4d-8e5f-60718293a4d2',
    court: 'xinzhou',
    occurredAt: '2024-04-01T00:00:00+08:00',
    requestId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4d1',
    requestingCourt: 'xinzhou',
    receivingCourt: 'yulin',
    supervisingCourt: 'shaanxi-high',
    caseNumber: '(2024)晋09执123号',
    limit: 'step',
    overdueSince: '2024-03-29T23:59:59+08:00',
    reason: 'the time limit passed',
  },
  'court.heartbeat': {
    court: 'yulin',
    sentAt: '2024-03-05T10:15:00+08:00',
    startedAt: '2024-03-01T08:00:00+08:00',
    intervalSeconds: 15,
    consumerPending: 0,
    outboxPending: 2,
    oldestOutboxAt: '2024-03-05T10:14:59+08:00',
    deadLetters: 0,
    auditHead: '1742:9f2c7a1e5b8d4f60a3c1e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c2e4b6d8f0',
  },
};
