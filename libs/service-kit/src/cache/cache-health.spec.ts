import pino from 'pino';
import { Registry } from 'prom-client';
import { CacheHealth, FAILURES_TO_BYPASS } from './cache-health';

const health = () =>
  new CacheHealth(
    { name: 'test_cache', source: 'database', bypassMs: 60_000, timeoutMs: 50 },
    pino({ level: 'silent' }),
    new Registry(),
  );
const fail = (cache: CacheHealth) => cache.guard('get', Promise.reject(new Error('Connection is closed')));

describe('CacheHealth', () => {
  it(`when ${FAILURES_TO_BYPASS} operations fail in a row, then reads bypass the cache`, async () => {
    const cache = health();
    for (let failure = 1; failure <= FAILURES_TO_BYPASS; failure += 1) {
      expect(cache.bypassed).toBe(false);
      await expect(fail(cache)).rejects.toThrow('Connection is closed');
    }
    expect(cache.bypassed).toBe(true);
  });

  it('when an operation answers between failures, then the count starts again and the cache is not bypassed', async () => {
    const cache = health();
    for (let failure = 1; failure < FAILURES_TO_BYPASS; failure += 1)
      await fail(cache).catch(() => undefined);
    await expect(cache.guard('get', Promise.resolve('value'))).resolves.toBe('value');
    for (let failure = 1; failure < FAILURES_TO_BYPASS; failure += 1)
      await fail(cache).catch(() => undefined);

    expect(cache.bypassed).toBe(false);
  });

  it('when an answer misses its deadline, then it fails as a timeout and counts toward the bypass', async () => {
    const cache = health();
    for (let late = 1; late <= FAILURES_TO_BYPASS; late += 1) {
      await expect(cache.guard('get', new Promise(() => {}))).rejects.toThrow('No answer within 50 ms');
    }
    expect(cache.bypassed).toBe(true);
  });
});
