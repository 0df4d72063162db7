import { type CacheDriver } from 'bentocache/types';
import { Types } from 'mongoose';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CacheHealth, FAILURES_TO_BYPASS } from '@rewardgraph/service-kit';
import { createReadCache } from './create-read-cache';

/** A layer kept in a Map that answers on a later turn of the event loop, as Redis would. */
class MapLayer implements CacheDriver {
  readonly entries = new Map<string, string>();
  reads = 0;
  failing = false;
  /** Operations that fail before the layer answers again, as a late reply under load. */
  failuresToCome = 0;

  private async io<T>(answer: () => T): Promise<T> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failuresToCome > 0) {
      this.failuresToCome -= 1;
      throw new Error('Command timed out');
    }
    if (this.failing) throw new Error('Command timed out');
    return answer();
  }

  namespace(): CacheDriver {
    return this;
  }
  get(key: string) {
    this.reads += 1;
    return this.io(() => this.entries.get(key));
  }
  pull(key: string) {
    return this.io(() => this.entries.get(key));
  }
  set(key: string, value: string) {
    return this.io(() => Boolean(this.entries.set(key, value)));
  }
  clear() {
    return this.io(() => this.entries.clear());
  }
  delete(key: string) {
    return this.io(() => this.entries.delete(key));
  }
  deleteMany(keys: string[]) {
    return this.io(() => keys.every((key) => this.entries.delete(key)));
  }
  disconnect() {
    return Promise.resolve();
  }
}

function setup() {
  const layer = new MapLayer();
  const registry = new Registry();
  const health = new CacheHealth(
    { name: 'read_cache', source: 'event-db', bypassMs: 60_000, timeoutMs: 50 },
    pino({ level: 'silent' }),
    registry,
  );
  const responses = { replaced: 0, replace: async () => void (responses.replaced += 1) };
  const cache = createReadCache(layer, { ttlSeconds: 60, health, responses, registry });
  const counted = async (name: string) => {
    const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
    return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
  };
  /** Reads through a failing layer until the failures in a row make the cache bypass it. */
  const failUntilBypassed = async () => {
    layer.failing = true;
    for (let read = 0; (await counted('read_cache_errors_total')) < FAILURES_TO_BYPASS; read += 1) {
      expect(read).toBeLessThan(FAILURES_TO_BYPASS);
      expect(await cache.get(`event:failing-${read}`, async () => 'from event-db')).toBe('from event-db');
    }
  };
  return { layer, cache, counted, responses, failUntilBypassed };
}

/** A load that counts its calls and answers when the test says so. */
function gatedLoad<T>(value: T) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const load = jest.fn(async () => {
    await gate;
    return value;
  });
  return { load, open };
}

describe('the read cache', () => {
  it('when twenty reads of one key miss at once, then one load runs and every read gets its value', async () => {
    const { cache } = setup();
    const { load, open } = gatedLoad({ name: 'launch' });

    const reads = Promise.all(Array.from({ length: 20 }, () => cache.get('event:1', load)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();

    expect(await reads).toEqual(Array.from({ length: 20 }, () => ({ name: 'launch' })));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when a record is read twice, then the second read is a hit that returns it unchanged, Dates and ObjectIds included', async () => {
    const { cache } = setup();
    const record = {
      _id: new Types.ObjectId(),
      name: '2026-01-01T00:00:00Z',
      description: '0123456789abcdef01234567',
      periodStart: new Date('2026-01-01T00:00:00Z'),
    };
    const load = jest.fn(async () => record);

    await cache.get('event:2', load);
    const hit = await cache.get('event:2', load);

    expect(load).toHaveBeenCalledTimes(1);
    expect(hit).toEqual(record);
    expect(hit._id).toBeInstanceOf(Types.ObjectId);
    expect(hit.periodStart).toBeInstanceOf(Date);
    expect(typeof hit.name).toBe('string');
  });

  it('when a value is valid until a time, then reads before it are hits and the first read after it loads again', async () => {
    const { cache } = setup();
    const load = jest.fn(async () => ['open list']);
    const until = new Date(Date.now() + 1000);

    await cache.get('events:open', load, until);
    await cache.get('events:open', load, until);
    expect(load).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 50));
    await cache.get('events:open', load, new Date(Date.now() + 1000));

    expect(load).toHaveBeenCalledTimes(2);
  });

  it('when the time a value is valid until has come, then it is loaded and nothing is kept', async () => {
    const { cache, layer } = setup();
    const load = jest.fn(async () => ['open list']);

    expect(await cache.get('events:open', load, new Date(Date.now() - 1))).toEqual(['open list']);
    expect(await cache.get('events:open', load, new Date())).toEqual(['open list']);

    expect(load).toHaveBeenCalledTimes(2);
    expect(layer.entries.size).toBe(0);
  });

  it('when a batch has hits and misses, then the misses are loaded in one call, by their indexes, and the answer keeps the order', async () => {
    const { cache } = setup();
    await cache.get('rewards:b', async () => ['cached b']);
    const loadMissing = jest.fn(async (missing: number[]) => missing.map((i) => [`loaded ${i}`]));

    const lists = await cache.getMany(['rewards:a', 'rewards:b', 'rewards:c'], loadMissing);

    expect(lists).toEqual([['loaded 0'], ['cached b'], ['loaded 2']]);
    expect(loadMissing).toHaveBeenCalledTimes(1);
    expect(loadMissing).toHaveBeenCalledWith([0, 2]);
    expect(await cache.getMany(['rewards:a', 'rewards:c'], loadMissing)).toEqual([
      ['loaded 0'],
      ['loaded 2'],
    ]);
    expect(loadMissing).toHaveBeenCalledTimes(1);
  });

  it("when a key or a list is invalidated, then the next read loads again, the gateway's responses are outdated, and a list load that overlapped the write is never served", async () => {
    const { cache, responses } = setup();
    await cache.get('event:3', async () => 'old');
    await cache.invalidate(['event:3']);
    expect(await cache.get('event:3', async () => 'new')).toBe('new');
    expect(responses.replaced).toBe(1);

    const before = gatedLoad('list before the write');
    const overlapping = cache.get(await cache.listKey('events', { first: 10 }), before.load);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.invalidate([], ['events']);
    before.open();
    expect(await overlapping).toBe('list before the write');

    const after = await cache.get(await cache.listKey('events', { first: 10 }), async () => 'list after');
    expect(after).toBe('list after');
  });

  it("when a list is forgotten, then its next read loads again and the gateway's responses keep their version", async () => {
    const { cache, responses } = setup();
    const key = async () => cache.listKey('requests-of:u1', { first: 20 });
    await cache.get(await key(), async () => 'before');
    await cache.forget([], ['requests-of:u1']);
    expect(await cache.get(await key(), async () => 'after')).toBe('after');
    expect(responses.replaced).toBe(0);
  });

  it("when a versioned key is forgotten, then the next read loads again, a load that overlapped the write is never served, and the gateway's responses stay valid", async () => {
    const { cache, responses } = setup();
    const [a, b] = await cache.versionedKeys(['grants:a', 'grants:b']);
    expect(await cache.versionedKeys(['grants:a', 'grants:b'])).toEqual([a, b]);
    await cache.get(b, async () => 'b before');

    const before = gatedLoad('a before the write');
    const overlapping = cache.get(a, before.load);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.forget([], ['grants:a']);
    before.open();
    expect(await overlapping).toBe('a before the write');

    const [aAfter, bAfter] = await cache.versionedKeys(['grants:a', 'grants:b']);
    expect(aAfter).not.toBe(a);
    expect(bAfter).toBe(b);
    expect(await cache.get(aAfter, async () => 'a after')).toBe('a after');
    expect(await cache.get(bAfter, async () => 'b reloaded')).toBe('b before');
    expect(responses.replaced).toBe(0);
  });

  it('when a load fails, then its own error reaches the caller and nothing is cached', async () => {
    const { cache } = setup();
    const refusal = new Error('Event not found');

    await expect(cache.get('event:4', () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(await cache.get('event:4', async () => 'found')).toBe('found');
  });

  it('when the layer fails several times in a row, then every read still answers, and reads and writes skip the layer while bypassed', async () => {
    const { cache, layer, counted, responses, failUntilBypassed } = setup();
    await failUntilBypassed();
    const load = jest.fn(async () => 'from event-db');
    const readsAfterFailures = layer.reads;
    const fallbacksAfterFailures = await counted('read_cache_fallbacks_total');

    expect(await cache.get('event:5', load)).toBe('from event-db');
    expect(await cache.get('event:5', load)).toBe('from event-db');
    expect(await cache.getMany(['event:6', 'event:7'], async (missing) => missing.map(String))).toEqual([
      '0',
      '1',
    ]);
    await expect(cache.invalidate(['event:5'], ['events'])).resolves.toBeUndefined();
    // The gateway's responses are outdated even when deleting the copies failed.
    expect(responses.replaced).toBe(1);

    expect(layer.reads).toBe(readsAfterFailures);
    expect(load).toHaveBeenCalledTimes(2);
    expect((await counted('read_cache_fallbacks_total')) - fallbacksAfterFailures).toBe(4);
  });

  it('when one answer of the layer is late between answers in time, then reads keep using the cache', async () => {
    const { cache, layer, counted } = setup();
    await cache.get('event:9', async () => 'cached');
    layer.failuresToCome = 1;
    expect(await cache.get('event:10', async () => 'from event-db')).toBe('from event-db');
    const load = jest.fn(async () => 'from event-db');

    expect(await cache.get('event:9', load)).toBe('cached');
    expect(load).not.toHaveBeenCalled();
    expect(await counted('read_cache_errors_total')).toBeGreaterThan(0);
  });

  it('when the bypass has passed and the layer answers again, then reads use the cache again', async () => {
    const { cache, layer, failUntilBypassed } = setup();
    await failUntilBypassed();
    layer.failing = false;
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      const load = jest.fn(async () => 'cached');
      await cache.get('event:8', load);
      expect(await cache.get('event:8', load)).toBe('cached');
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
