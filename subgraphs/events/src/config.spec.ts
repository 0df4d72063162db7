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

  it('when the read cache settings are unset, then reads wait at most 50 ms on its Redis and skip it for 1 s after a failure', () => {
    const config = readEventsConfig({ NODE_ENV: 'test' });
    expect({ timeout: config.READ_CACHE_TIMEOUT_MS, bypass: config.READ_CACHE_BYPASS_MS }).toEqual({
      timeout: 50,
      bypass: 1000,
    });
  });

  it.each([
    ['READ_CACHE_TIMEOUT_MS', '0'],
    ['READ_CACHE_TIMEOUT_MS', '5001'],
    ['READ_CACHE_TIMEOUT_MS', 'soon'],
    ['READ_CACHE_BYPASS_MS', '99'],
  ])('when %s is %s, then it refuses to start, naming the setting', (name, value) => {
    expect.assertions(1);
    try {
      readEventsConfig({ NODE_ENV: 'test', [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
    }
  });
});
