import { z } from 'zod';
import { ConfigError, loadConfig, port } from './load-config';

describe('loadConfig', () => {
  const schema = z.object({ PORT: port(3001), URL: z.url(), NAME: z.string().min(1) });

  it('when every key is valid, then it returns typed values with defaults applied', () => {
    const config = loadConfig(schema, { URL: 'mongodb://127.0.0.1:27017/x', NAME: 'auth' });
    expect(config).toEqual({ PORT: 3001, URL: 'mongodb://127.0.0.1:27017/x', NAME: 'auth' });
  });

  it('when several keys are wrong, then it reports all of them at once', () => {
    expect.assertions(3);
    try {
      loadConfig(schema, { PORT: 'abc', URL: 'nope' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(problems).toEqual(expect.arrayContaining(['PORT', 'URL', 'NAME']));
      expect(problems).toHaveLength(3);
    }
  });
});
