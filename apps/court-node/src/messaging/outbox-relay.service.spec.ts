import { retryDelayMs } from './outbox-relay.service';

describe('retryDelayMs', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [7, 32_000],
    [8, 60_000],
    [30, 60_000],
  ])('waits after attempt %d: %d ms', (attempts, delay) =>
    expect(retryDelayMs(attempts)).toBe(delay),
  );
});
