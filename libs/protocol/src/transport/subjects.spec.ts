import {
  courtInboxPrefix,
  inboundSubjectFilter,
  monitorEventsSubjectFilter,
  monitorInboxPrefix,
  outboundSubjectFilter,
  parseSubject,
  subjectFor,
} from './subjects';

describe('subjects', () => {
  const parts = { namespace: 'enf', to: 'yulin', from: 'xinzhou', type: 'delegation.requested' };

  it('names the receiving court before the sending court', () => {
    expect(subjectFor(parts)).toBe('enf.v1.yulin.xinzhou.delegation.requested');
  });

  it('parses what it builds', () => {
    expect(parseSubject(subjectFor(parts))).toEqual(parts);
  });

  it('keeps multi-token message types whole', () => {
    expect(parseSubject('enf.v1.ordos-dongsheng.wuhai.delegation.result-reported')).toEqual({
      namespace: 'enf',
      to: 'ordos-dongsheng',
      from: 'wuhai',
      type: 'delegation.result-reported',
    });
  });

  it.each([
    ['another major version', 'enf.v2.yulin.xinzhou.delegation.requested'],
    ['no message type', 'enf.v1.yulin.xinzhou'],
    ['a one-token type', 'enf.v1.yulin.xinzhou.requested'],
    ['an invalid court code', 'enf.v1.Yulin.xinzhou.delegation.requested'],
    ['a wildcard', 'enf.v1.*.xinzhou.delegation.requested'],
    ['an invalid namespace', 'ENF.v1.yulin.xinzhou.delegation.requested'],
  ])('does not parse a subject with %s', (_what, subject) =>
    expect(parseSubject(subject)).toBeUndefined(),
  );

  it('refuses to build a subject that would not parse', () => {
    expect(() => subjectFor({ ...parts, from: 'xin.zhou' })).toThrow(/cannot build a subject/);
  });

  it('filters a court’s inbound messages', () => {
    expect(inboundSubjectFilter('enf', 'yulin')).toBe('enf.v1.yulin.>');
  });

  it('filters what a court sends, to any court, and its monitor events', () => {
    expect(outboundSubjectFilter('enf', 'yulin')).toBe('enf.v1.*.yulin.>');
    expect(monitorEventsSubjectFilter('enf', 'yulin')).toBe('enf.events.v1.yulin.>');
  });

  it('gives each court and the monitor an inbox prefix of their own', () => {
    expect(courtInboxPrefix('enf', 'yulin')).toBe('_INBOX.enf.courts.yulin');
    expect(monitorInboxPrefix('enf')).toBe('_INBOX.enf.monitor');
  });
});
