import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); see docs/auth.md for the measured cost. */
export const ARGON2_PARAMS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string) => hash(password, ARGON2_PARAMS);

export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

/** True when a stored hash was made with other parameters than today's: it is rehashed at login. */
export function needsRehash(passwordHash: string): boolean {
  const { memoryCost: m, timeCost: t, parallelism: p } = ARGON2_PARAMS;
  return !passwordHash.startsWith(`$argon2id$v=19$m=${m},t=${t},p=${p}$`);
}

/**
 * A hash of nothing anyone knows, verified when the email is unknown, so that an
 * unknown email costs the same time as a wrong password.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(`decoy-${Math.random()}`));
