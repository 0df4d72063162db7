import { newUser } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { offer, requestReward } from '../support/catalog';

const READS = `query ($e: ID!) { event(id: $e) { id isOpen } eventRewards(eventId: $e) { id stock condition } events(first: 5) { totalCount } }`;
const UPDATE_EVENT = `mutation ($e: ID!, $input: UpdateEventInput!) { updateEvent(id: $e, input: $input) { id } }`;
const UPDATE_REWARD = `mutation ($e: ID!, $r: ID!, $input: UpdateEventRewardInput!) { updateEventReward(eventId: $e, rewardId: $r, input: $input) { id stock } }`;

/** Every read cache warmed, under the id as given and in upper case. */
async function warm(token: string, eventId: string) {
  for (const id of [eventId, eventId.toUpperCase()]) await gqlOk(READS, { e: id }, { token });
}

describe('grant decisions read the database, whatever the caches hold', () => {
  it('when an event is closed after every cache was warmed, then a request with its id in upper case is EVENT_NOT_OPEN', async () => {
    const { admin, eventId, rewardId } = await offer({ autoResolve: true });
    const user = await newUser('stale-closed');
    await warm(user.token, eventId);

    await gqlOk(UPDATE_EVENT, { e: eventId, input: { status: 'INACTIVE' } }, { token: admin.token });
    const result = await requestReward(user.token, eventId.toUpperCase(), rewardId.toUpperCase());

    expect(errorCodes(result)).toEqual(['EVENT_NOT_OPEN']);
    // An INACTIVE event is hidden from players: a stale cached copy would still show it.
    const { event } = await gqlOk<{ event: unknown }>(
      READS,
      { e: eventId.toUpperCase() },
      { token: user.token },
    );
    expect(event).toBeNull();
  });

  it('when the stock is cut to the number granted after every cache was warmed, then the next request is OUT_OF_STOCK', async () => {
    const { admin, eventId, rewardId } = await offer({ autoResolve: true, stock: 3 });
    const [first, second] = await Promise.all([newUser('stale-first'), newUser('stale-second')]);
    expect((await requestReward(first.token, eventId, rewardId)).data!.requestReward.status).toBe('APPROVED');
    await warm(second.token, eventId);

    await gqlOk(UPDATE_REWARD, { e: eventId, r: rewardId, input: { stock: 1 } }, { token: admin.token });
    const next = (await requestReward(second.token, eventId.toUpperCase(), rewardId.toUpperCase())).data!
      .requestReward;

    expect([next.status, next.reason]).toEqual(['REJECTED', 'OUT_OF_STOCK']);
  });

  it('when a condition is tightened after every cache was warmed, then the next request is rejected by it', async () => {
    const { admin, eventId, rewardId } = await offer({ autoResolve: true });
    const user = await newUser('stale-condition');
    await warm(user.token, eventId);

    await gqlOk(
      UPDATE_REWARD,
      {
        e: eventId,
        r: rewardId,
        input: {
          condition: { rule: { metric: 'ACTIVITY', activity: 'boss_kill', comparison: 'GTE', value: 1 } },
        },
      },
      { token: admin.token },
    );
    const next = (await requestReward(user.token, eventId.toUpperCase(), rewardId)).data!.requestReward;

    expect(next.status).toBe('REJECTED');
    expect(next.reason).toContain('activity:boss_kill 0 of 1');
  });

  it('when a stock cut would fall below a unit that is held, then it is refused and nothing changes', async () => {
    const { admin, eventId, rewardId } = await offer({ stock: 5 });
    const users = await Promise.all([newUser('held-1'), newUser('held-2')]);
    for (const user of users) await requestReward(user.token, eventId, rewardId);

    const result = await gql(
      UPDATE_REWARD,
      { e: eventId, r: rewardId, input: { stock: 1 } },
      { token: admin.token },
    );

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const { eventRewards } = await gqlOk<{ eventRewards: { stock: number }[] }>(
      READS,
      { e: eventId },
      { token: admin.token },
    );
    expect(eventRewards[0]!.stock).toBe(5);
  });
});
