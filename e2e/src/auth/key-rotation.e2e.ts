import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeProtectedHeader } from 'jose';
import { stack } from '../support/env';
import { login, newUser } from '../support/fixtures';
import { errorCodes, gql } from '../support/graphql';
import { eventually } from '../support/sessions';

const run = promisify(execFile);
const ROTATE = join(__dirname, '..', '..', '..', 'subgraphs', 'auth', 'dist', 'keys', 'rotate-keys.js');

const publishedKids = async () =>
  (
    (await (await fetch(`${stack().authUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
  ).keys.map((k) => k.kid);
const kidOf = (token: string) => decodeProtectedHeader(token).kid!;

describe('signing key rotation', () => {
  it('when the keys are rotated, then new tokens use the former next key and tokens signed before still work everywhere', async () => {
    const user = await newUser('rotation');
    const before = await publishedKids();
    expect(before).toHaveLength(2);
    const [current, next] = before;
    expect(kidOf(user.token)).toBe(current);

    const { stdout } = await run(process.execPath, [ROTATE], {
      env: { PATH: process.env.PATH, KEYS_DIR: stack().keysDir, ACCESS_TOKEN_TTL_SECONDS: '600' },
    });
    expect(stdout).toMatch(/previous\s+\S+/);

    expect(await eventually(async () => (await publishedKids()).length === 3)).toBe(true);
    const after = await publishedKids();
    expect(after.slice(0, 2)).toEqual([current, next]);
    const fresh = await login(user.email, user.password);
    expect(kidOf(fresh.token)).toBe(next);

    for (const token of [user.token, fresh.token]) {
      for (const url of [`${stack().gatewayUrl}/graphql`, `${stack().eventsUrl}/graphql`]) {
        const result = await gql(`{ events(first: 1) { totalCount } }`, {}, { token, url });
        expect({ kid: kidOf(token), url, codes: errorCodes(result) }).toEqual({
          kid: kidOf(token),
          url,
          codes: [],
        });
      }
    }
  });
});
