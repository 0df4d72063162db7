import { coalescedReads } from './coalesced-reads';

describe('coalesced reads', () => {
  it('when callers ask for one key in the same tick, then they share one read; a later caller gets a read of its own', async () => {
    let reads = 0;
    const read = coalescedReads(async (id: string) => `${id}#${++reads}`);

    const together = await Promise.all([read('a'), read('a'), read('b'), read('a')]);
    const later = await read('a');

    expect(together).toEqual(['a#1', 'a#1', 'b#2', 'a#1']);
    expect(later).toBe('a#3');
  });

  it('when a read fails, then every caller that shared it gets the error', async () => {
    const read = coalescedReads(async (id: string) => {
      throw new Error(`no ${id}`);
    });
    const results = await Promise.allSettled([read('x'), read('x')]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
      'no x',
      'no x',
    ]);
  });
});
