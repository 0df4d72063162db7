import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, createEvent, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { createReward } from '../support/catalog';

const DAY = 86_400_000;
const CREATE_EVENT = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id condition } }`;
const UPDATE_EVENT = `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id condition } }`;
const ADD = `mutation ($e: ID!, $input: AddEventRewardInput!) { addEventReward(eventId: $e, input: $input) { id condition } }`;
const UPDATE_REWARD = `mutation ($e: ID!, $r: ID!, $input: UpdateEventRewardInput!) { updateEventReward(eventId: $e, rewardId: $r, input: $input) { id condition } }`;

const loginDays = (value: number, comparison = 'GTE') => ({
  rule: { metric: 'LOGIN_DAYS', comparison, value },
});
const activity = (name: string, value: number, comparison = 'GTE') => ({
  rule: { metric: 'ACTIVITY', activity: name, comparison, value },
});
const eventInput = (condition: unknown) => ({
  name: `typed-${randomUUID()}`,
  periodStart: new Date(Date.now() - DAY).toISOString(),
  periodEnd: new Date(Date.now() + DAY).toISOString(),
  condition,
});
const storedCondition = (id: string, collection = 'events') =>
  withDb(stack().eventDbUrl, (db) =>
    db.collection(collection).findOne({ _id: new ObjectId(id) }, { projection: { condition: 1 } }),
  ).then((doc) => doc?.condition);

describe('typed conditions', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
  });

  it('when an event gets a typed condition tree, then it is stored and returned in the JSON form', async () => {
    const condition = {
      all: [loginDays(3), { any: [activity('quest_clear', 5), activity('pvp_win', 0, 'GT')] }],
    };

    const { createEvent } = await gqlOk<{ createEvent: { id: string; condition: unknown } }>(
      CREATE_EVENT,
      { input: eventInput(condition) },
      { token: admin.token },
    );

    const json = {
      all: [
        { metric: 'loginDays', gte: 3 },
        {
          any: [
            { metric: 'activity:quest_clear', gte: 5 },
            { metric: 'activity:pvp_win', gt: 0 },
          ],
        },
      ],
    };
    expect(createEvent.condition).toEqual(json);
    expect(await storedCondition(createEvent.id)).toEqual(json);
  });

  it('when an event reward gets a typed rule and then null, then the rule is set and removed', async () => {
    const event = await createEvent(admin.token);
    const rewardId = await createReward(admin.token);

    const added = await gqlOk<{ addEventReward: { id: string; condition: unknown } }>(
      ADD,
      { e: event.id, input: { rewardId, condition: loginDays(2, 'EQ') } },
      { token: admin.token },
    );
    const removed = await gqlOk<{ updateEventReward: { condition: unknown } }>(
      UPDATE_REWARD,
      { e: event.id, r: rewardId, input: { condition: null } },
      { token: admin.token },
    );

    expect(added.addEventReward.condition).toEqual({ metric: 'loginDays', eq: 2 });
    expect(removed.updateEventReward.condition).toBeNull();
    expect(await storedCondition(added.addEventReward.id, 'event_rewards')).toBeNull();
  });

  it.each([
    ['no branch set', {}, 'condition needs exactly one of all, any or rule'],
    ['a rule and a list', { ...loginDays(1), any: [loginDays(2)] }, 'condition needs exactly one of'],
    [
      'an empty node deep inside',
      { all: [loginDays(1), { any: [{}] }] },
      'condition.all[1].any[0] needs exactly one',
    ],
    ['an empty list', { all: [] }, 'condition.all must not be empty'],
    [
      'ACTIVITY without a name',
      { rule: { metric: 'ACTIVITY', comparison: 'GTE', value: 1 } },
      'condition.rule.activity is required',
    ],
    [
      'a name on LOGIN_DAYS',
      { rule: { ...loginDays(1).rule, activity: 'quest' } },
      'condition.rule.activity is only for ACTIVITY',
    ],
    ['a malformed activity name', activity('Quest Clear', 1), 'condition.rule.activity must be'],
    ['a negative value', loginDays(-1), 'condition.rule.value must be ≥ 0'],
    ['51 rules', { any: Array.from({ length: 51 }, () => loginDays(1)) }, 'condition has more than 50 rules'],
    [
      'six levels',
      { all: [{ all: [{ all: [{ all: [{ all: [loginDays(1)] }] }] }] }] },
      'nests deeper than 5 levels',
    ],
  ])(
    'when updateEvent gets a condition with %s, then it is BAD_USER_INPUT naming the path and the condition is unchanged',
    async (_case, condition, message) => {
      const { createEvent: event } = await gqlOk<{ createEvent: { id: string } }>(
        CREATE_EVENT,
        { input: eventInput(loginDays(1)) },
        { token: admin.token },
      );

      const result = await gql(UPDATE_EVENT, { id: event.id, input: { condition } }, { token: admin.token });

      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toContain(message);
      expect(JSON.stringify(result.errors)).not.toContain('Quest Clear');
      expect(await storedCondition(event.id)).toEqual({ metric: 'loginDays', gte: 1 });
    },
  );

  it.each([
    ['an unknown metric', { rule: { metric: 'COINS', comparison: 'GTE', value: 1 } }],
    ['the JSON form', { metric: 'loginDays', gte: 1 }],
    ['a rule without its value', { rule: { metric: 'LOGIN_DAYS', comparison: 'GTE' } }],
  ])(
    'when createEvent gets %s, then the schema refuses it and nothing is written',
    async (_case, condition) => {
      const input = eventInput(condition);

      const result = await gql(CREATE_EVENT, { input }, { token: admin.token });

      // One error per offending field: each is BAD_USER_INPUT.
      expect([...new Set(errorCodes(result))]).toEqual(['BAD_USER_INPUT']);
      expect(
        await withDb(stack().eventDbUrl, (db) =>
          db.collection('events').countDocuments({ name: input.name }),
        ),
      ).toBe(0);
    },
  );
});
