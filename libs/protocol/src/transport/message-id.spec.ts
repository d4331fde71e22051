import { newMessageId } from './message-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newMessageId', () => {
  it('is a UUIDv7 that starts with the milliseconds it was made at', () => {
    const at = Date.UTC(2026, 11, 4, 10, 30);
    const id = newMessageId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by the time it was made, and is never the same twice', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => newMessageId(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(Array.from({ length: 10_000 }, () => newMessageId(0))).size).toBe(10_000);
  });
});
