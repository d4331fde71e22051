import { settleWithin } from './settle-within';

describe('settleWithin', () => {
  it('is true when the work settles in time, resolved or rejected', async () => {
    await expect(settleWithin(Promise.resolve('done'), 50)).resolves.toBe(true);
    await expect(settleWithin(Promise.reject(new Error('refused')), 50)).resolves.toBe(true);
  });

  it('is false when the work is still pending at the limit', async () => {
    await expect(settleWithin(new Promise(() => undefined), 20)).resolves.toBe(false);
  });
});
