import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CourtHeartbeatEvent } from './court-heartbeat.event';
import { EXAMPLE_MONITOR_EVENTS } from './example-events';
import { isMonitorEventType, MONITOR_EVENT_CATALOGUE } from './monitor-events';

const CLASSES: Record<string, new () => object> = {
  ...MONITOR_EVENT_CATALOGUE,
  'court.heartbeat': CourtHeartbeatEvent,
};

function problems(type: string, event: object): string[] {
  return validateSync(plainToInstance(CLASSES[type], event), {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).map((error) => error.property);
}

describe('monitor events', () => {
  it.each(Object.entries(EXAMPLE_MONITOR_EVENTS))('the %s example is valid', (type, event) => {
    expect(problems(type, event)).toEqual([]);
  });

  it('a request snapshot has no room for the party', () => {
    const event = { ...EXAMPLE_MONITOR_EVENTS['request.updated'], partyName: '张三' };
    expect(problems('request.updated', event)).toEqual(['partyName']);
  });

  it.each([
    ['a state of no lifecycle', { state: 'LOST' }, 'state'],
    [
      'a negative amount',
      { amounts: { recoveredFen: -1, transferredFen: 0, confirmedFen: 0 } },
      'amounts',
    ],
    ['a milestone that is no time', { milestones: { acceptedAt: 'yesterday' } }, 'milestones'],
    ['an unknown return reason', { returnReason: 'TOO_BUSY' }, 'returnReason'],
  ])('a request snapshot with %s is refused', (_case, change, field) => {
    const event = { ...EXAMPLE_MONITOR_EVENTS['request.updated'], ...change };
    expect(problems('request.updated', event)).toEqual([field]);
  });

  it('a heartbeat with a negative count is refused', () => {
    const heartbeat = { ...EXAMPLE_MONITOR_EVENTS['court.heartbeat'], deadLetters: -1 };
    expect(problems('court.heartbeat', heartbeat)).toEqual(['deadLetters']);
  });

  it('knows which types travel in the events stream', () => {
    expect(isMonitorEventType('request.updated')).toBe(true);
    expect(isMonitorEventType('court.heartbeat')).toBe(false);
    expect(isMonitorEventType('toString')).toBe(false);
  });
});
