import { copyFile, mkdir, mkdtemp, readdir, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { rotateRing } from './key-ring.file';
import { openSigningKeys } from './signing-keys';

const TTL_MS = 660_000;

/**
 * The Helm chart (deploy/helm/rewardgraph) mounts the key ring from a Secret, read-only,
 * into every auth replica. The kubelet lays a Secret volume out as
 * keyring.json -> ..data/keyring.json, ..data -> ..<timestamp>/, and replaces the Secret by
 * writing a new timestamped folder and renaming a new ..data link over the old one.
 */
describe('signing keys from a Kubernetes Secret volume', () => {
  let root: string;
  let volume: string;
  let generation = 0;

  /** What the kubelet does when the Secret changes: a new folder, then an atomic switch. */
  const publish = async (ringDir: string) => {
    const folder = `..secret_${++generation}`;
    await mkdir(join(volume, folder));
    await copyFile(join(ringDir, 'keyring.json'), join(volume, folder, 'keyring.json'));
    await symlink(folder, join(volume, '..data_tmp'));
    await rename(join(volume, '..data_tmp'), join(volume, '..data'));
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rg-secret-volume-'));
    volume = join(root, 'volume');
    await mkdir(volume);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('when the Secret is replaced after a rotation, then the running service signs with the new key without writing to the volume', async () => {
    const ring = join(root, 'ring');
    await rotateRing(ring, TTL_MS);
    await publish(ring);
    await symlink('..data/keyring.json', join(volume, 'keyring.json'));
    const entries = await readdir(volume);

    const keys = await openSigningKeys(volume, TTL_MS, 20, pino({ level: 'silent' }));
    try {
      const before = keys.current().kid;
      const rotated = await rotateRing(ring, TTL_MS);
      await publish(ring);
      const deadline = Date.now() + 2000;
      while (keys.current().kid === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const current = rotated.keys.find((k) => k.activatedAt && !k.retiredAt);
      expect(keys.current().kid).toBe(current?.kid);
      expect(keys.jwks().keys.map((k) => k.kid)).toContain(before);
      expect((await readdir(volume)).filter((e) => !e.startsWith('..secret_'))).toEqual(
        entries.filter((e) => !e.startsWith('..secret_')),
      );
    } finally {
      keys.close();
    }
  });
});
