import { z } from 'zod';
import {
  commonEnv,
  commonRules,
  type ConfigError,
  DEV_SUBGRAPH_SIGNING_SECRET,
  loadConfig,
} from './load-config';

const schema = z.object(commonEnv).superRefine(commonRules);
const OWN_SECRET = 'x'.repeat(32);

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('common settings', () => {
  it('when NODE_ENV is not set, then the service runs as production', () => {
    expect(loadConfig(schema, { SUBGRAPH_SIGNING_SECRET: OWN_SECRET }).NODE_ENV).toBe('production');
  });

  it('when production has no signing secret, then it refuses to start and names the setting', () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^SUBGRAPH_SIGNING_SECRET: required in production/),
    ]);
  });

  it('when production is given the public development secret, then it refuses to start without printing it', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      SUBGRAPH_SIGNING_SECRET: DEV_SUBGRAPH_SIGNING_SECRET,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain(DEV_SUBGRAPH_SIGNING_SECRET);
  });

  it('when the signing secret is short, then it is refused in every environment', () => {
    expect(problemsOf({ NODE_ENV: 'development', SUBGRAPH_SIGNING_SECRET: 'short' })).toEqual([
      'SUBGRAPH_SIGNING_SECRET: at least 32 characters',
    ]);
  });

  it('when development or test leave the secret unset, then they use the development default', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig(schema, { NODE_ENV }).SUBGRAPH_SIGNING_SECRET).toBe(DEV_SUBGRAPH_SIGNING_SECRET);
    }
  });

  it('when production has a secret of its own, then it starts with the gateway query limits', () => {
    expect(loadConfig(schema, { SUBGRAPH_SIGNING_SECRET: OWN_SECRET })).toMatchObject({
      MAX_QUERY_DEPTH: 10,
      MAX_QUERY_COST: 5000,
      MAX_ALIASES: 50,
    });
  });

  it('when LOG_FORMAT is not set, then logs are JSON; pretty is asked for by name', () => {
    expect(loadConfig(schema, { NODE_ENV: 'test' }).LOG_FORMAT).toBe('json');
    expect(loadConfig(schema, { NODE_ENV: 'test', LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('when LOG_FORMAT is neither json nor pretty, then the service refuses to start and names it', () => {
    expect(problemsOf({ NODE_ENV: 'test', LOG_FORMAT: 'text' })).toEqual([
      expect.stringMatching(/^LOG_FORMAT: /),
    ]);
  });
});
