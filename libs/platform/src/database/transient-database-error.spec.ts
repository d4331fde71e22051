import { isTransientDatabaseError } from './transient-database-error';

describe('isTransientDatabaseError', () => {
  it.each([
    ['the server refusing connections', { code: 'ECONNREFUSED' }],
    ['a reset connection', { code: 'ECONNRESET' }],
    ['a connection failure (SQLSTATE class 08)', { code: '08006' }],
    ['too many connections (class 53)', { code: '53300' }],
    ['the server shutting down (57P01)', { code: '57P01' }],
    ['a serialisation failure', { code: '40001' }],
    ['a deadlock', { code: '40P01' }],
    ['a connection terminated mid-query', new Error('Connection terminated unexpectedly')],
  ])('retries %s', (_what, error) => expect(isTransientDatabaseError(error)).toBe(true));

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a missing table', { code: '42P01' }],
    ['a syntax error', { code: '42601' }],
    ['an error without a code', new Error('boom')],
    ['something that is not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not retry %s', (_what, error) => expect(isTransientDatabaseError(error)).toBe(false));
});
