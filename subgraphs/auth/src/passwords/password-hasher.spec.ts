import { Algorithm, hash } from '@node-rs/argon2';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('when a password is hashed, then it verifies with argon2id at the OWASP minimum and no rehash is due', async () => {
    const stored = await hashPassword('correct horse battery');

    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse battery')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('when a hash was made with weaker parameters, then it is due for a rehash', async () => {
    const weak = await hash('pw', {
      algorithm: Algorithm.Argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    expect(needsRehash(weak)).toBe(true);
  });
});
