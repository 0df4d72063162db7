import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKeys } from './signing-keys';

describe('signing keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rg-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('when the folder is empty, then one key is generated and kept for the next start', async () => {
    const first = await loadSigningKeys(dir);
    const second = await loadSigningKeys(dir);

    expect(await readdir(dir)).toHaveLength(1);
    expect(second.current.kid).toBe(first.current.kid);
  });

  it('when the JWKS is published, then it holds public keys only, each with its kid', async () => {
    const { jwks, current } = await loadSigningKeys(dir);

    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: current.kid, alg: 'EdDSA', use: 'sig' }),
    ]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
