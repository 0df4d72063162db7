import { ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { Redis } from 'ioredis';
import { offer, requestReward } from '../support/catalog';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { gqlOk } from '../support/graphql';

interface Listed {
  totalCount: number;
  nodes: { id: string; status: string }[];
}

const QUEUE = `query { rewardRequests(first: 100, filter: { status: PENDING }) { totalCount nodes { id status } } }`;
const MINE = `query { myRewardRequests(first: 20) { totalCount nodes { id status } } }`;
const OF_USER = `query ($id: ID!) { user(id: $id) { rewardRequests(first: 20) { totalCount nodes { id status } } } }`;

/** The cached pages of one list in the data Redis (entries are kept apart per event database). */
const cachedPages = (redis: Redis, list: string) =>
  redis.keys(`rg:cache:${new URL(stack().eventDbUrl).pathname.slice(1)}:${list}:*`);

describe('cached request lists', () => {
  let dataRedis: Redis;
  beforeAll(() => {
    dataRedis = new Redis(stack().dataRedisUrl);
  });
  afterAll(() => dataRedis.quit());

  const queue = async (admin: Session) =>
    (await gqlOk<{ rewardRequests: Listed }>(QUEUE, {}, { token: admin.token })).rewardRequests;
  const mine = async (player: Session) =>
    (await gqlOk<{ myRewardRequests: Listed }>(MINE, {}, { token: player.token })).myRewardRequests;
  const ofUser = async (admin: Session, player: Session) =>
    (
      await gqlOk<{ user: { rewardRequests: Listed } }>(
        OF_USER,
        { id: player.userId },
        { token: admin.token },
      )
    ).user.rewardRequests;
  const readAll = (admin: Session, player: Session) =>
    Promise.all([queue(admin), mine(player), ofUser(admin, player)]);

  it("when a request is asked for and then reviewed, then the review queue and the player's lists read right after each write show it", async () => {
    const { admin, eventId, rewardId } = await offer({ autoResolve: false, perUserLimit: 5 });
    const player = await newUser('cached-lists');
    await readAll(admin, player);
    await readAll(admin, player);
    // The reads above were kept: the test is about forgetting them.
    expect(await cachedPages(dataRedis, `requests-of:${player.userId}`)).not.toHaveLength(0);
    expect(await cachedPages(dataRedis, 'requests')).not.toHaveLength(0);

    const asked = (await requestReward(player.token, eventId, rewardId)).data!.requestReward;
    expect(asked.status).toBe('PENDING');
    const [pending, minePending, ofUserPending] = await readAll(admin, player);
    expect(pending.nodes.map((r) => r.id)).toContain(asked.id);
    expect(minePending).toEqual({ totalCount: 1, nodes: [{ id: asked.id, status: 'PENDING' }] });
    expect(ofUserPending).toEqual(minePending);

    await gqlOk(
      ReviewRewardRequestDocument,
      { id: asked.id, input: { status: 'APPROVED' } },
      { token: admin.token },
    );
    const [after, mineAfter, ofUserAfter] = await readAll(admin, player);
    expect(after.nodes.map((r) => r.id)).not.toContain(asked.id);
    expect(mineAfter).toEqual({ totalCount: 1, nodes: [{ id: asked.id, status: 'APPROVED' }] });
    expect(ofUserAfter).toEqual(mineAfter);
  });

  it('when players request while their lists and the queue are read over and over, then every list read after the writes shows every request', async () => {
    const { admin, eventId, rewardId } = await offer({ autoResolve: false, perUserLimit: 10 });
    const players = await Promise.all(Array.from({ length: 6 }, (_, i) => newUser(`cached-race-${i}`)));
    let writing = true;
    const reader = async () => {
      while (writing) await Promise.all(players.map((player) => readAll(admin, player)));
    };
    const readers = [reader(), reader()];
    const asked = await Promise.all(
      players.flatMap((player) =>
        [1, 2, 3].map(async () => ({
          player,
          request: (await requestReward(player.token, eventId, rewardId)).data!.requestReward,
        })),
      ),
    );
    writing = false;
    await Promise.all(readers);

    const queued = (await queue(admin)).nodes.map((r) => r.id);
    for (const player of players) {
      const own = asked
        .filter((a) => a.player === player)
        .map((a) => a.request.id)
        .sort();
      const [listed, ofUserListed] = await Promise.all([mine(player), ofUser(admin, player)]);
      expect(listed.totalCount).toBe(3);
      expect(listed.nodes.map((r) => r.id).sort()).toEqual(own);
      expect(ofUserListed).toEqual(listed);
      for (const id of own) expect(queued).toContain(id);
    }
  });
});
