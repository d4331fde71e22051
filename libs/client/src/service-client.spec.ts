import { ApiError, reasonOf } from './service-client';

describe('reasonOf', () => {
  it('gives the message a service refused with, and the state that forbade the action', () => {
    expect(
      reasonOf(409, { message: 'a returned request cannot be accepted', state: 'RETURNED' }),
    ).toBe('a returned request cannot be accepted (state RETURNED)');
  });

  it('joins a list of messages, and falls back to the status when there is none', () => {
    expect(reasonOf(400, { message: ['party.name: a name', 'caseNumber: a case number'] })).toBe(
      'party.name: a name; caseNumber: a case number',
    );
    expect(reasonOf(502, {})).toBe('HTTP 502');
    expect(reasonOf(502, 'Bad Gateway')).toBe('Bad Gateway');
  });

  it('names the call in the error', () => {
    const error = new ApiError('POST', '/api/delegations', 400, {
      message: 'receivingCourt: a court code',
    });
    expect(error.message).toBe('POST /api/delegations answered 400: receivingCourt: a court code');
  });
});
