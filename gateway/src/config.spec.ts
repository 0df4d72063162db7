import { type ConfigError } from '@rewardgraph/service-kit';
import { readGatewayConfig } from './config';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    readGatewayConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('gateway config', () => {
  it('when started without NODE_ENV or a signing secret, then it refuses to start as production', () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^SUBGRAPH_SIGNING_SECRET: required in production/),
    ]);
  });

  it('when started for development, then the query limits and signing secret have defaults', () => {
    const config = readGatewayConfig({ NODE_ENV: 'development' });
    expect(config.MAX_QUERY_DEPTH).toBe(10);
    expect(config.SUBGRAPH_SIGNING_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
