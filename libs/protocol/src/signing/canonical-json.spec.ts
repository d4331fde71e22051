import { canonicalJson, signedBytes } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it.each([
    [
      'members sorted, nested too',
      { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } },
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    ],
    ['no whitespace', { a: [1, 2], b: 'x y' }, '{"a":[1,2],"b":"x y"}'],
    // Sorted by UTF-16 code units: upper case before lower case, "€" (U+20AC) before an emoji's
    // surrogate (U+D83D...), though the emoji's code point is larger than U+FB33.
    [
      'UTF-16 code-unit order',
      { a: 1, B: 2, '€': 3, '😀': 4, דּ: 5, '': 6 },
      '{"":6,"B":2,"a":1,"€":3,"😀":4,"דּ":5}',
    ],
    ['non-ASCII kept as itself', { 法院: '忻州市中级人民法院' }, '{"法院":"忻州市中级人民法院"}'],
    ['control characters escaped', { a: '\n\t\u0001"\\/' }, '{"a":"\\n\\t\\u0001\\"\\\\/"}'],
    ['a lone surrogate escaped', { a: '\ud800' }, '{"a":"\\ud800"}'],
    ['integers', { a: 10_000_000, b: -0, c: 0 }, '{"a":10000000,"b":0,"c":0}'],
    [
      'fractions and exponents as ECMAScript writes them',
      [0.5, 1e21, 1e-7, 123.456, 5e-324],
      '[0.5,1e+21,1e-7,123.456,5e-324]',
    ],
    ['booleans and null', [true, false, null], '[true,false,null]'],
    [
      'undefined members left out, undefined items null',
      { a: undefined, b: [undefined] },
      '{"b":[null]}',
    ],
    [
      'a date as its JSON text',
      { at: new Date('2024-03-14T01:30:00Z') },
      '{"at":"2024-03-14T01:30:00.000Z"}',
    ],
  ])('%s', (_case, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text whatever order and spacing the sender wrote', () => {
    const one = JSON.parse('{ "b" : [1, {"y":2, "x":1}], "a" : "甲" }') as unknown;
    const other = JSON.parse('{"a":"甲","b":[1,{"x":1,"y":2}]}') as unknown;
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('refuses numbers JSON cannot write', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('NaN has no JSON form');
    expect(() => canonicalJson([Infinity])).toThrow('Infinity has no JSON form');
  });

  it('signs the envelope without its signature, in UTF-8', () => {
    const envelope = {
      id: '1',
      signature: { keyId: 'U', algorithm: 'ed25519', value: 'AA==' },
      body: { 名: 1 },
    };
    expect(signedBytes(envelope).toString('utf8')).toBe('{"body":{"名":1},"id":"1"}');
    expect(signedBytes(envelope)).toEqual(Buffer.from('{"body":{"名":1},"id":"1"}'));
  });
});
