import { readAuthConfig, singleAddressCeiling } from './config';

describe('auth config: login limits', () => {
  it('when nothing is set, then one address can never reach the per-account ceiling', () => {
    const config = readAuthConfig({});

    expect(
      singleAddressCeiling(config.LOGIN_LIMIT_PER_ACCOUNT_IP, config.LOGIN_LIMIT_PER_ACCOUNT),
    ).toBeLessThan(config.LOGIN_LIMIT_PER_ACCOUNT.points);
  });

  it('when one address could fail as often as the per-account ceiling allows, then the config is refused', () => {
    expect(() =>
      readAuthConfig({ LOGIN_LIMIT_PER_ACCOUNT_IP: '10/900', LOGIN_LIMIT_PER_ACCOUNT: '40/3600' }),
    ).toThrow(/LOGIN_LIMIT_PER_ACCOUNT/);
  });
});
