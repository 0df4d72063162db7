import { type ConfigError } from '@rewardgraph/service-kit';
import { DEMO_ADMIN_PASSWORD, readAuthConfig, singleAddressCeiling } from './config';

const OWN_SECRET = 'an-operator-chosen-secret-of-32-chars!';
const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    readAuthConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const demoAdmin = { ADMIN_EMAIL: 'admin@rewardgraph.local', ADMIN_PASSWORD: DEMO_ADMIN_PASSWORD };

describe('auth config', () => {
  it('when production is given the public demo admin password, then it refuses to start and names the setting only', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      SUBGRAPH_SIGNING_SECRET: OWN_SECRET,
      ...demoAdmin,
    });
    expect(problems).toEqual([expect.stringMatching(/^ADMIN_PASSWORD: required in production/)]);
    expect(problems.join('\n')).not.toContain(DEMO_ADMIN_PASSWORD);
  });

  it('when NODE_ENV is missing, then the demo password is refused as in production', () => {
    expect(problemsOf({ SUBGRAPH_SIGNING_SECRET: OWN_SECRET, ...demoAdmin })).toEqual([
      expect.stringMatching(/^ADMIN_PASSWORD: required in production/),
    ]);
  });

  it('when production has its own admin password and signing secret, then it starts', () => {
    const config = readAuthConfig({
      SUBGRAPH_SIGNING_SECRET: OWN_SECRET,
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'a-password-of-my-own',
    });
    expect(config.NODE_ENV).toBe('production');
  });

  it('when development uses the demo password, then it starts', () => {
    expect(readAuthConfig({ NODE_ENV: 'development', ...demoAdmin }).ADMIN_PASSWORD).toBe(
      DEMO_ADMIN_PASSWORD,
    );
  });
});

describe('auth config: login limits', () => {
  it('when nothing is set, then one address can never reach the per-account ceiling', () => {
    const config = readAuthConfig({ NODE_ENV: 'development' });

    expect(
      singleAddressCeiling(config.LOGIN_LIMIT_PER_ACCOUNT_IP, config.LOGIN_LIMIT_PER_ACCOUNT),
    ).toBeLessThan(config.LOGIN_LIMIT_PER_ACCOUNT.points);
  });

  it('when one address could fail as often as the per-account ceiling allows, then the config is refused', () => {
    expect(() =>
      readAuthConfig({
        NODE_ENV: 'development',
        LOGIN_LIMIT_PER_ACCOUNT_IP: '10/900',
        LOGIN_LIMIT_PER_ACCOUNT: '40/3600',
      }),
    ).toThrow(/LOGIN_LIMIT_PER_ACCOUNT/);
  });
});

describe('auth config: user display cache', () => {
  it('when nothing is set, then entries live 60 s, reads wait at most 50 ms on its Redis and skip it for 1 s after a failure', () => {
    const config = readAuthConfig({ NODE_ENV: 'development' });

    expect({
      ttl: config.USER_CACHE_TTL_SECONDS,
      timeout: config.USER_CACHE_TIMEOUT_MS,
      bypass: config.USER_CACHE_BYPASS_MS,
    }).toEqual({ ttl: 60, timeout: 50, bypass: 1000 });
  });

  it.each([
    ['USER_CACHE_TTL_SECONDS', '0'],
    ['USER_CACHE_TIMEOUT_MS', '0'],
    ['USER_CACHE_TIMEOUT_MS', '5001'],
    ['USER_CACHE_TIMEOUT_MS', 'soon'],
    ['USER_CACHE_BYPASS_MS', '99'],
  ])('when %s is %s, then it refuses to start, naming the setting', (name, value) => {
    expect(problemsOf({ NODE_ENV: 'development', [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: `)),
    ]);
  });
});
