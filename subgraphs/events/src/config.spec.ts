import { type ConfigError } from '@rewardgraph/service-kit';
import { readEventsConfig } from './config';

describe('events config', () => {
  it('when started without NODE_ENV or a signing secret, then it refuses to start as production', () => {
    expect.assertions(1);
    try {
      readEventsConfig({});
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^SUBGRAPH_SIGNING_SECRET: required in production/),
      ]);
    }
  });

  it('when a test process leaves the secret unset, then it starts with the development default', () => {
    expect(readEventsConfig({ NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });
});
