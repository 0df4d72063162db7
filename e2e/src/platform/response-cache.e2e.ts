import {
  EventOptionDocument,
  EventsDocument,
  EventWithRewardsDocument,
  MyRewardRequestsDocument,
  UpdateEventDocument,
} from '@rewardgraph/api-client';
import { randomUUID } from 'node:crypto';
import { adminSession, createEvent, newUser, type Session } from '../support/fixtures';
import { gql, gqlOk, type GraphQLResult } from '../support/graphql';
import { offer, requestReward } from '../support/catalog';

/** How the gateway says where an answer came from. */
const servedFrom = (result: GraphQLResult<unknown>) => result.headers.get('x-rewardgraph-cache');

const eventsNamed = (search: string, token: string) =>
  gql(EventsDocument, { first: 10, filter: { search } }, { token });

describe('the response cache at the gateway', () => {
  let admin: Session;
  let player: Session;
  beforeAll(async () => {
    [admin, player] = await Promise.all([adminSession(), newUser('cached-reader')]);
  });

  it('when a player asks for the same event list twice, then the second answer comes from the cache, the same as the first', async () => {
    const tag = `cache-${randomUUID()}`;
    await createEvent(admin.token, { name: `${tag} launch` });

    const first = await eventsNamed(tag, player.token);
    const second = await eventsNamed(tag, player.token);

    expect(servedFrom(first)).toBeNull();
    expect(servedFrom(second)).toBe('hit');
    expect(second.data).toEqual(first.data);
    expect(second.data!.events.nodes.map((e) => e.name)).toEqual([`${tag} launch`]);
  });

  it("when staff and a player send the same query, then each gets the answer for their roles, never the other's", async () => {
    const tag = `cache-${randomUUID()}`;
    await createEvent(admin.token, { name: `${tag} live` });
    await createEvent(admin.token, { name: `${tag} draft`, status: 'DRAFT' });
    const names = (result: GraphQLResult<{ events: { nodes: { name: string }[] } }>) =>
      result.data!.events.nodes.map((e) => e.name).sort();

    const staffFirst = await eventsNamed(tag, admin.token);
    const staffCached = await eventsNamed(tag, admin.token);
    const playerFirst = await eventsNamed(tag, player.token);
    const playerCached = await eventsNamed(tag, player.token);

    expect(servedFrom(staffCached)).toBe('hit');
    expect(names(staffCached)).toEqual([`${tag} draft`, `${tag} live`]);
    expect(servedFrom(playerFirst)).toBeNull();
    expect(names(playerFirst)).toEqual([`${tag} live`]);
    expect(servedFrom(playerCached)).toBe('hit');
    expect(names(playerCached)).toEqual([`${tag} live`]);
    expect(names(staffFirst)).toEqual(names(staffCached));
  });

  it('when an event is changed, then the next read is answered afresh with the change', async () => {
    const tag = `cache-${randomUUID()}`;
    const event = await createEvent(admin.token, { name: `${tag} before` });
    await eventsNamed(tag, player.token);
    expect(servedFrom(await eventsNamed(tag, player.token))).toBe('hit');

    await gqlOk(
      UpdateEventDocument,
      { id: event.id, input: { name: `${tag} after` } },
      { token: admin.token },
    );
    const afterWrite = await eventsNamed(tag, player.token);

    expect(servedFrom(afterWrite)).toBeNull();
    expect(afterWrite.data!.events.nodes.map((e) => e.name)).toEqual([`${tag} after`]);
  });

  it('when writes and reads of one event race, then once the writes are done every read shows the last one', async () => {
    const tag = `cache-${randomUUID()}`;
    const event = await createEvent(admin.token, { name: `${tag} 0` });
    const read = () => gqlOk(EventOptionDocument, { id: event.id }, { token: player.token });

    for (let round = 1; round <= 15; round += 1) {
      await Promise.all([
        gqlOk(
          UpdateEventDocument,
          { id: event.id, input: { name: `${tag} ${round}` } },
          { token: admin.token },
        ),
        read(),
        read(),
      ]);
    }

    const settled = await Promise.all([read(), read(), read()]);
    for (const { event: seen } of settled) expect(seen?.name).toBe(`${tag} 15`);
  });

  it('when an event opens within seconds, then its cached answer lasts no longer: after the start it reads as open', async () => {
    const startsAt = Date.now() + 2_500;
    const event = await createEvent(admin.token, {
      name: `cache-${randomUUID()}`,
      periodStart: new Date(startsAt).toISOString(),
    });
    const read = () => eventsNamed(event.name, player.token);

    await read();
    const cached = await read();
    expect(servedFrom(cached)).toBe('hit');
    expect(cached.data!.events.nodes[0]!.isOpen).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, startsAt - Date.now() + 100));

    expect((await read()).data!.events.nodes[0]!.isOpen).toBe(true);
  });

  it('when any event opens within seconds, then the cached list of open events lasts no longer: after the start it lists that event', async () => {
    const startsAt = Date.now() + 2_500;
    const event = await createEvent(admin.token, {
      name: `opens-soon-${randomUUID()}`,
      periodStart: new Date(startsAt).toISOString(),
    });
    const openEvents = () =>
      gql(EventsDocument, { first: 5, filter: { isOpen: true } }, { token: player.token });
    const listed = (result: Awaited<ReturnType<typeof openEvents>>) =>
      result.data!.events.nodes.some((node) => node.id === event.id);

    await openEvents();
    const cached = await openEvents();
    expect(servedFrom(cached)).toBe('hit');
    expect(listed(cached)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, startsAt - Date.now() + 100));

    const afterStart = await openEvents();
    expect(afterStart.errors).toBeUndefined();
    expect(listed(afterStart)).toBe(true);
  });

  it('when an answer depends on the caller or on what changes without a write here, then it is never served from the cache', async () => {
    const event = await createEvent(admin.token);
    const uncacheable = [
      () => gql(MyRewardRequestsDocument, { first: 5 }, { token: player.token }),
      // Stock left and units granted move with every decision.
      () => gql(EventWithRewardsDocument, { id: event.id }, { token: player.token }),
    ];

    for (const call of uncacheable) {
      await call();
      const again = await call();
      expect(again.errors).toBeUndefined();
      expect(servedFrom(again)).not.toBe('hit');
    }
  });

  it('when a player is granted a reward, then the kept answers stay valid (stock figures are never kept whole) while the event page shows the grant', async () => {
    const { eventId, rewardId } = await offer({ stock: 3 });
    const option = () => gql(EventOptionDocument, { id: eventId }, { token: player.token });
    const page = () => gqlOk(EventWithRewardsDocument, { id: eventId }, { token: player.token });
    await option();
    expect((await page()).eventRewards[0]).toMatchObject({ granted: 0, stockLeft: 3 });

    expect((await requestReward(player.token, eventId, rewardId)).data!.requestReward.status).toBe('PENDING');

    expect(servedFrom(await option())).toBe('hit');
    expect((await page()).eventRewards[0]).toMatchObject({ granted: 1, stockLeft: 2 });
  });

  it('when a query fails, then its error is not kept: the next call is answered afresh', async () => {
    const bad = () => gql(EventOptionDocument, { id: 'not-an-id' }, { token: player.token });

    const first = await bad();
    const second = await bad();

    expect(first.errors?.length).toBeGreaterThan(0);
    expect(servedFrom(second)).toBeNull();
    expect(second.errors?.length).toBeGreaterThan(0);
  });
});
