import { looksLike } from './document-content';

describe('looksLike', () => {
  it.each([
    ['application/pdf', Buffer.from('%PDF-1.7\n'), true],
    ['application/pdf', Buffer.from('<html>'), false],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), true],
    ['image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), false],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), true],
    ['image/jpeg', Buffer.from([]), false],
  ] as const)('%s starting %p: %s', (mediaType, bytes, expected) => {
    expect(looksLike(mediaType, bytes)).toBe(expected);
  });
});
