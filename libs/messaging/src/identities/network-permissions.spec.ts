import { courtPermissions, monitorPermissions, NatsPermissions } from './network-permissions';

/** NATS subject matching: `*` is one token, `>` the rest (at least one token). */
function matches(pattern: string, subject: string): boolean {
  const wanted = pattern.split('.');
  const tokens = subject.split('.');
  for (const [i, token] of wanted.entries()) {
    if (token === '>') return tokens.length > i;
    if (i >= tokens.length || (token !== '*' && token !== tokens[i])) return false;
  }
  return wanted.length === tokens.length;
}

function may(permissions: NatsPermissions, operation: 'publish' | 'subscribe', subject: string) {
  return permissions[operation].allow.some((pattern) => matches(pattern, subject));
}

describe('network permissions', () => {
  const xinzhou = courtPermissions('enf', 'xinzhou');

  it.each([
    ['a message it sends', 'enf.v1.yulin.xinzhou.delegation.requested'],
    ['its monitor event', 'enf.events.v1.xinzhou.request.updated'],
    ['its heartbeat', 'enf.heartbeats.v1.xinzhou'],
    ['a pull from its consumer', '$JS.API.CONSUMER.MSG.NEXT.ENF_COURT_MESSAGES.court-xinzhou'],
    ['its consumer info', '$JS.API.CONSUMER.INFO.ENF_COURT_MESSAGES.court-xinzhou'],
    ['an ack of its message', '$JS.ACK.ENF_COURT_MESSAGES.court-xinzhou.1.2.3.4.5'],
    ['a directory watcher', '$JS.API.CONSUMER.CREATE.KV_ENF_COURT_DIRECTORY.w1.$KV.x.courts'],
    ['a document chunk', '$O.ENF_DOCUMENTS.C.abc'],
    ['a document lookup', '$JS.API.STREAM.MSG.GET.OBJ_ENF_DOCUMENTS'],
  ])('lets a court publish %s', (_what, subject) =>
    expect(may(xinzhou, 'publish', subject)).toBe(true),
  );

  it.each([
    ['a message as another court', 'enf.v1.yulin.wuhai.delegation.requested'],
    ['a message to itself as another court', 'enf.v1.xinzhou.wuhai.delegation.requested'],
    ['another court’s event', 'enf.events.v1.wuhai.request.updated'],
    ['another court’s heartbeat', 'enf.heartbeats.v1.wuhai'],
    ['a pull from another consumer', '$JS.API.CONSUMER.MSG.NEXT.ENF_COURT_MESSAGES.court-wuhai'],
    ['an ack for another consumer', '$JS.ACK.ENF_COURT_MESSAGES.court-wuhai.1.2.3.4.5'],
    ['a consumer on court messages', '$JS.API.CONSUMER.CREATE.ENF_COURT_MESSAGES'],
    ['a named consumer', '$JS.API.CONSUMER.CREATE.ENF_COURT_MESSAGES.x.enf.v1.wuhai.>'],
    ['a durable consumer', '$JS.API.CONSUMER.DURABLE.CREATE.ENF_COURT_MESSAGES.court-wuhai'],
    ['a consumer deletion', '$JS.API.CONSUMER.DELETE.ENF_COURT_MESSAGES.court-wuhai'],
    ['its own consumer’s deletion', '$JS.API.CONSUMER.DELETE.ENF_COURT_MESSAGES.court-xinzhou'],
    ['a message get', '$JS.API.STREAM.MSG.GET.ENF_COURT_MESSAGES'],
    ['a direct get', '$JS.API.DIRECT.GET.ENF_COURT_MESSAGES'],
    ['a stream creation', '$JS.API.STREAM.CREATE.ENF_COURT_MESSAGES'],
    ['a stream update', '$JS.API.STREAM.UPDATE.ENF_MONITOR_EVENTS'],
    ['a stream deletion', '$JS.API.STREAM.DELETE.OBJ_ENF_DOCUMENTS'],
    ['a stream purge', '$JS.API.STREAM.PURGE.ENF_COURT_MESSAGES'],
    ['a consumer on the events', '$JS.API.CONSUMER.CREATE.ENF_MONITOR_EVENTS'],
    ['a directory change', '$KV.ENF_COURT_DIRECTORY.courts'],
  ])('does not let a court publish %s', (_what, subject) =>
    expect(may(xinzhou, 'publish', subject)).toBe(false),
  );

  it('lets a court subscribe only to its own inbox and inbound subjects', () => {
    expect(may(xinzhou, 'subscribe', '_INBOX.enf.courts.xinzhou.abc.1')).toBe(true);
    expect(may(xinzhou, 'subscribe', 'enf.v1.xinzhou.yulin.delegation.accepted')).toBe(true);
    for (const subject of [
      '_INBOX.enf.courts.yulin.abc.1',
      '_INBOX.abc',
      'enf.v1.yulin.xinzhou.delegation.requested',
      'enf.events.v1.yulin.request.updated',
      'enf.heartbeats.v1.yulin',
    ]) {
      expect(may(xinzhou, 'subscribe', subject)).toBe(false);
    }
  });

  it('lets the monitor read events and heartbeats but publish no message or event', () => {
    const monitor = monitorPermissions('enf');
    expect(may(monitor, 'publish', '$JS.API.CONSUMER.CREATE.ENF_MONITOR_EVENTS.m1')).toBe(true);
    expect(may(monitor, 'subscribe', 'enf.heartbeats.v1.yulin')).toBe(true);
    expect(may(monitor, 'subscribe', '_INBOX.enf.monitor.x')).toBe(true);
    for (const subject of [
      'enf.v1.yulin.xinzhou.delegation.requested',
      'enf.events.v1.yulin.request.updated',
      '$JS.API.CONSUMER.CREATE.ENF_COURT_MESSAGES',
      '$JS.API.STREAM.DELETE.ENF_MONITOR_EVENTS',
      '$O.ENF_DOCUMENTS.C.abc',
    ]) {
      expect(may(monitor, 'publish', subject)).toBe(false);
    }
    expect(may(monitor, 'subscribe', 'enf.v1.yulin.xinzhou.delegation.requested')).toBe(false);
  });

  it('keeps networks that share a server apart', () => {
    expect(may(xinzhou, 'publish', 'other.v1.yulin.xinzhou.delegation.requested')).toBe(false);
    expect(
      may(xinzhou, 'publish', '$JS.API.CONSUMER.MSG.NEXT.OTHER_COURT_MESSAGES.court-xinzhou'),
    ).toBe(false);
  });
});
