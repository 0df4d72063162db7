import { currentKey, publishedKeys, rotate, stageOf, type KeyRing, type StoredKey } from './key-ring';

const key = (kid: string): StoredKey => ({
  kid,
  createdAt: '2026-01-01T00:00:00.000Z',
  privateJwk: { kty: 'OKP' },
});
const TTL = 10 * 60_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('key ring rotation', () => {
  it('when the ring is empty, then the first rotation makes a current key and the second a next one', () => {
    const first = rotate({ keys: [] }, key('a'), t0, TTL);
    const second = rotate(first, key('b'), t0, TTL);

    expect(first.keys.map(stageOf)).toEqual(['current']);
    expect(second.keys.map((k) => [k.kid, stageOf(k)])).toEqual([
      ['a', 'current'],
      ['b', 'next'],
    ]);
  });

  it('when rotating, then next becomes current, current becomes previous, and the new key is next', () => {
    let ring: KeyRing = rotate(rotate({ keys: [] }, key('a'), t0, TTL), key('b'), t0, TTL);
    ring = rotate(ring, key('c'), later(1000), TTL);

    expect(ring.keys.map((k) => [k.kid, stageOf(k)])).toEqual([
      ['a', 'previous'],
      ['b', 'current'],
      ['c', 'next'],
    ]);
    expect(currentKey(ring).kid).toBe('b');
  });

  it('when a previous key has outlived every token it signed, then it is no longer published nor kept', () => {
    let ring: KeyRing = rotate(rotate({ keys: [] }, key('a'), t0, TTL), key('b'), t0, TTL);
    ring = rotate(ring, key('c'), later(1000), TTL);

    expect(publishedKeys(ring, later(1000 + TTL - 1), TTL).map((k) => k.kid)).toEqual(['a', 'b', 'c']);
    expect(publishedKeys(ring, later(1000 + TTL + 1), TTL).map((k) => k.kid)).toEqual(['b', 'c']);
    expect(rotate(ring, key('d'), later(1000 + TTL + 1), TTL).keys.map((k) => k.kid)).toEqual([
      'b',
      'c',
      'd',
    ]);
  });
});
