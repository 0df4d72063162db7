import { randomClientIp } from '../support/graphql';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { startGatewayInstance, type ExtraInstance } from '../support/stack';

const CEILING = 20;
const PORT = 16431;

/**
 * The gateway's ceiling counts a signed-in caller as themself and only anonymous calls
 * per address, on a gateway of its own with small ceilings (the stack's gateway counts
 * users too loosely for this, so the other tests' bursts are never refused).
 */
describe('the gateway ceiling per caller', () => {
  let gateway: ExtraInstance;
  let players: Session[];

  beforeAll(async () => {
    [gateway, ...players] = await Promise.all([
      startGatewayInstance(stack(), 'gateway-client-limits', PORT, {
        GATEWAY_LIMIT_PER_USER: `${CEILING}/60`,
        GATEWAY_LIMIT_PER_IP: `${CEILING}/60`,
        // Every burst here is admitted: load shedding has its own test.
        GATEWAY_MAX_IN_FLIGHT: '1000',
      }),
      newUser('ceiling-a'),
      newUser('ceiling-b'),
      newUser('ceiling-c'),
    ]);
  }, 60_000);

  afterAll(() => gateway?.stop());

  const call = (ip: string, token?: string) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then((response) => response.status);

  it('when three signed-in players call from one address (an office), then each has a ceiling of their own', async () => {
    const office = randomClientIp();
    const perPlayer = 15;
    const statuses = await Promise.all(
      players.flatMap((player) => Array.from({ length: perPlayer }, () => call(office, player.token))),
    );
    // 45 calls from one address, over the address ceiling of 20, and none refused.
    expect(statuses.filter((status) => status === 200)).toHaveLength(players.length * perPlayer);
  });

  it('when one player calls from many addresses, then their ceiling follows them', async () => {
    const player = await newUser('ceiling-roaming');
    const statuses = await Promise.all(
      Array.from({ length: CEILING + 5 }, () => call(randomClientIp(), player.token)),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(CEILING);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it('when anonymous calls and refused tokens come from one address, then they share its ceiling', async () => {
    const address = randomClientIp();
    const statuses = await Promise.all([
      ...Array.from({ length: 15 }, () => call(address)),
      // A forged token is refused, so its caller is anonymous: it dodges nothing.
      ...Array.from({ length: 10 }, () => call(address, 'eyJhbGciOiJFZERTQSJ9.e30.forged')),
    ]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(CEILING);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });
});
