import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageOf } from './key-ring';
import { ensureRing, readRing, rotateRing } from './key-ring.file';

describe('key ring file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rg-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('when the folder is empty, then a current and a next key are created and kept for the next start', async () => {
    const first = await ensureRing(dir, 600_000);
    const again = await ensureRing(dir, 600_000);

    expect(first.keys.map(stageOf)).toEqual(['current', 'next']);
    expect(again).toEqual(first);
  });

  it('when several instances start at once on an empty folder, then every one of them gets the same ring', async () => {
    const rings = await Promise.all(Array.from({ length: 6 }, () => ensureRing(dir, 600_000)));

    expect(new Set(rings.map((ring) => ring.keys.map((k) => k.kid).join())).size).toBe(1);
    expect(await readRing(dir)).toEqual(rings[0]);
  });

  it('when the ring is rotated, then the file holds previous, current and next keys', async () => {
    const before = await ensureRing(dir, 600_000);
    await rotateRing(dir, 600_000);
    const after = (await readRing(dir))!;

    expect(after.keys.map((k) => [k.kid, stageOf(k)])).toEqual([
      [before.keys[0].kid, 'previous'],
      [before.keys[1].kid, 'current'],
      [after.keys[2].kid, 'next'],
    ]);
  });
});
